# (?:a{100}){100}: refused by the AST node limit
tool: sigc
args: build $DIR -o $DIR/out --rules siglists/pipeline.rules
file: prefix_signature_re.txt
status: 1
timeout: 60
memory: 2048
--- input-gen
(?:a{100}){100}\n
--- stderr-has
$DIR/prefix_signature_re.txt:1:1: error: pattern expands to more than 4000 nodes (sigc AST node limit)

# (a|a)*: ambiguous alternation is a small DFA
tool: sigc
args: build $DIR -o $DIR/out --rules siglists/pipeline.rules
file: prefix_signature_re.txt
status: 0
timeout: 60
memory: 2048
--- input-gen
(a|a)*\n
--- stderr

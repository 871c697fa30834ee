# a 1 MB pattern line is refused by the line-size limit
tool: sigc
args: lint $DIR
file: prefix_signature_re.txt
status: 1
timeout: 60
memory: 2048
--- input-gen
@{1000000:a}@\n
--- stderr-has
$DIR/prefix_signature_re.txt:1:1: error: pattern is 1000000 bytes long (sigc limit 4096)

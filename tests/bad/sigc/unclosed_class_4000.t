# 4 000 opening brackets
tool: sigc
args: lint $DIR
file: prefix_signature_re.txt
status: 1
timeout: 60
memory: 2048
--- input-gen
@{4000:[}@\n
--- stderr-has
$DIR/prefix_signature_re.txt:1:1: error: unterminated character set

# 100 000 nested groups (Python: RecursionError) hit the line-size limit
tool: sigc
args: lint $DIR
file: prefix_signature_re.txt
status: 1
timeout: 60
memory: 2048
--- input-gen
@{100000:(}@@{100000:)}@\n
--- stderr-has
$DIR/prefix_signature_re.txt:1:1: error: pattern is 200000 bytes long (sigc limit 4096)

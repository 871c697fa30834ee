# 2 000 nested groups within the line-size limit hit the nesting limit
tool: sigc
args: lint $DIR
file: prefix_signature_re.txt
status: 1
timeout: 60
memory: 2048
--- input-gen
@{2000:(}@@{2000:)}@\n
--- stderr-has
$DIR/prefix_signature_re.txt:1:257: error: too many nested groups (sigc limit 256)

# .{1000}: refused by the counted-repeat limit
tool: sigc
args: build $DIR -o $DIR/out --rules siglists/pipeline.rules
file: prefix_signature_re.txt
status: 1
timeout: 60
memory: 2048
--- input-gen
.{1000}\n
--- stderr-has
$DIR/prefix_signature_re.txt:1:1: error: counted repeat {999} exceeds the expansion limit of 100

# a repeat count of 20 digits
tool: sigc
args: lint $DIR
file: prefix_signature_re.txt
status: 1
timeout: 60
memory: 2048
--- input-gen
a{99999999999999999999}\n
--- stderr-has
$DIR/prefix_signature_re.txt:1:3: error: the repetition number is too large

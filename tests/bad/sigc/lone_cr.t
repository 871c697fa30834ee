# a CR inside a line is a literal CR
tool: sigc
args: lint $DIR
file: prefix_signature_re.txt
status: 0
timeout: 60
memory: 2048
--- input-gen
a\rb\n
--- stderr
$DIR: 0 errors, 0 warnings

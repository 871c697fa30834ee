# a NUL byte inside a pattern is a literal NUL for Python
tool: sigc
args: lint $DIR
file: prefix_signature_re.txt
status: 0
timeout: 60
memory: 2048
--- input-gen
a\0b\n
--- stderr
$DIR: 0 errors, 0 warnings

# only comments and blanks: an empty list matches everything
tool: sigc
args: lint $DIR
file: prefix_signature_re.txt
status: 0
timeout: 60
memory: 2048
--- input-gen
# c\n\n   \n
--- stderr
$DIR/prefix_signature_re.txt: warning: no patterns: Python joins them to the empty pattern, which matches every string [-Wempty-list]
$DIR: 0 errors, 1 warning

# 100 000 comment lines and one pattern
tool: sigc
args: lint $DIR
file: prefix_signature_re.txt
status: 0
timeout: 60
memory: 2048
--- input-gen
@{100000:# comment\n}@abc\n
--- stderr
$DIR: 0 errors, 0 warnings

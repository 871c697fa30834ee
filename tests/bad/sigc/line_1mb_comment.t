# a 1 MB comment line is skipped
tool: sigc
args: lint $DIR
file: prefix_signature_re.txt
status: 0
timeout: 60
memory: 2048
--- input-gen
#@{1000000:a}@\nabc\n
--- stderr
$DIR: 0 errors, 0 warnings

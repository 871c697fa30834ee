# CRLF line ends: str.strip() removes the CR, nothing to report
tool: sigc
args: lint $DIR
file: prefix_signature_re.txt
status: 0
timeout: 60
memory: 2048
--- input-gen
foo\r\nbar\r\n
--- stderr
$DIR: 0 errors, 0 warnings

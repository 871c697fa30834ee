# a multi-byte sequence cut by the end of the file
tool: sigc
args: lint $DIR
file: prefix_signature_re.txt
status: 1
timeout: 60
memory: 2048
--- input-gen
abc\xe2\x82
--- stderr-has
$DIR/prefix_signature_re.txt:1:4: error: invalid UTF-8 (byte 0xe2): Socorro decodes list files strictly

# a 0xff byte: Socorro decodes lists as strict UTF-8
tool: sigc
args: lint $DIR
file: prefix_signature_re.txt
status: 1
timeout: 60
memory: 2048
--- input-gen
abc\xff\n
--- stderr-has
$DIR/prefix_signature_re.txt:1:4: error: invalid UTF-8 (byte 0xff): Socorro decodes list files strictly

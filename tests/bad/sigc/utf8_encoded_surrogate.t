# a surrogate encoded in UTF-8 is not strict UTF-8
tool: sigc
args: lint $DIR
file: prefix_signature_re.txt
status: 1
timeout: 60
memory: 2048
--- input-gen
a\xed\xa0\x80\n
--- stderr-has
$DIR/prefix_signature_re.txt:1:2: error: invalid UTF-8 (byte 0xed): Socorro decodes list files strictly

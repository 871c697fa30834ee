# the bad byte on line 3 is reported there; other lines still parse
tool: sigc
args: lint $DIR
file: irrelevant_signature_re.txt
status: 1
timeout: 60
memory: 2048
--- input-gen
ok1\nok2\nx\xc0\xafy\nok4\n
--- stderr-has
$DIR/irrelevant_signature_re.txt:3:2: error: invalid UTF-8 (byte 0xc0): Socorro decodes list files strictly

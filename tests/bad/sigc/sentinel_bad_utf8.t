# invalid UTF-8 in the sentinels list
tool: sigc
args: lint $DIR
file: signature_sentinels.txt
status: 1
timeout: 60
memory: 2048
--- input-gen
ok\n\xff\n
--- stderr-has
$DIR/signature_sentinels.txt:2:1: error: invalid UTF-8 (byte 0xff): Socorro decodes list files strictly

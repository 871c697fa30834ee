# (a|b)*a(a|b){14}: 4.9 MB of C that gcc -O2 needs 5 minutes and 1.1 GB for: refused by the output-size limit
tool: sigc
args: build $DIR -o $DIR/out --rules siglists/pipeline.rules
file: prefix_signature_re.txt
status: 1
timeout: 60
memory: 2048
--- input-gen
(a|b)*a(a|b){14}\n
--- stderr-has
$DIR/prefix_signature_re.txt:1:1: error: this pattern's DFA is too big for sigc: re2c wrote {...} bytes, more than sigc's limit of 1048576: the DFA is too big

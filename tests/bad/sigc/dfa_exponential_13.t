# (a|b)*a(a|b){13}: 2.4 MB of C that took gcc -O2 over 8 minutes on a loaded machine: refused by the 1 MiB output limit
tool: sigc
args: build $DIR -o $DIR/out --rules siglists/pipeline.rules
file: prefix_signature_re.txt
status: 1
timeout: 60
memory: 2048
--- input-gen
(a|b)*a(a|b){13}\n
--- stderr-has
$DIR/prefix_signature_re.txt:1:1: error: this pattern's DFA is too big for sigc: re2c wrote {...} bytes, more than sigc's limit of 1048576: the DFA is too big

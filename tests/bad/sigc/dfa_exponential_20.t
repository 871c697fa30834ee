# (a|b)*a(a|b){20}: 2^20 DFA states, refused with a named limit
tool: sigc
args: build $DIR -o $DIR/out --rules siglists/pipeline.rules
file: prefix_signature_re.txt
status: 1
timeout: 60
memory: 2048
--- input-gen
(a|b)*a(a|b){20}\n
--- stderr-has
$DIR/prefix_signature_re.txt:1:1: error: this pattern's DFA is too big for sigc: re2c failed: re2c: error: DFA has too many states

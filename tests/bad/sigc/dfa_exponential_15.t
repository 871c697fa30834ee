# (a|b)*a(a|b){15}: 2^15 DFA states (9 MB of C that no compiler finishes) must be refused
tool: sigc
args: build $DIR -o $DIR/out
file: prefix_signature_re.txt
status: 1
timeout: 60
memory: 2048
--- input-gen
(a|b)*a(a|b){15}\n

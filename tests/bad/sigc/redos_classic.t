# (x+x+)+y: catastrophic for backtracking, a small DFA here
tool: sigc
args: build $DIR -o $DIR/out --rules siglists/pipeline.rules
file: prefix_signature_re.txt
status: 0
timeout: 60
memory: 2048
--- input-gen
(x+x+)+y\n
--- stderr

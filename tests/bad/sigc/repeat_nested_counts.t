# ((a{10}){10}){10}: 1 000 repeats after expansion
tool: sigc
args: build $DIR -o $DIR/out --rules siglists/pipeline.rules
file: prefix_signature_re.txt
status: 0
timeout: 60
memory: 2048
--- input-gen
((a{10}){10}){10}\n
--- stderr

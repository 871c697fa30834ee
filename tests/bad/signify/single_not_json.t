# single mode: not JSON -> the error on stderr, nothing on stdout, exit 1
tool: signify
args: 
status: 1
compare: exact
--- input
hello
--- stdout
--- stderr
signify: <stdin>: Expecting value: line 1 column 1 (char 0)

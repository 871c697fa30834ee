# single mode: a file that does not exist is an I/O error, exit 2
tool: signify
args: $DIR/no-such-crash.json
status: 2
compare: exact
--- stdout
--- stderr
signify: $DIR/no-such-crash.json: No such file or directory

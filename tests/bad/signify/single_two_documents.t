# single mode reads ONE document: a second one is extra data, as json.loads says
tool: signify
args: 
status: 1
compare: exact
--- input
{}
{}
--- stdout
--- stderr
signify: <stdin>: Extra data: line 2 column 1 (char 3)

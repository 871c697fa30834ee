# single mode: empty input is not a document (json.loads(""))
tool: signify
args: 
status: 1
compare: exact
--- input-gen
--- stdout
--- stderr
signify: <stdin>: Expecting value: line 1 column 1 (char 0)

# single mode: 100 000 nested arrays stop at the nesting limit
tool: signify
args: 
status: 1
compare: exact
--- input-gen
@{100000:[}@
--- stdout
--- stderr
signify: <stdin>: JSON nested deeper than the 1000-level limit: line 1 column 1001 (char 1000)

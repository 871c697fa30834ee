# single mode: input that is not UTF-8 (Python decodes stdin strictly)
tool: signify
args: 
status: 1
compare: exact
--- input-gen
\xff
--- stdout
--- stderr
signify: <stdin>: 'utf-8' codec can't decode byte 0xff in position 0: invalid UTF-8

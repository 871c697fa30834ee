# an empty line still gets its own output line
# Python: JSONDecodeError: Expecting value: line 2 column 1 (char 1)
tool: signify
args: --jsonl
status: 1
--- input-gen
\n
--- stdout
{"error": "Expecting value: line 1 column 1 (char 0)", "line": 1}

# a raw NUL byte in the line
# Python: JSONDecodeError: Extra data: line 1 column 23 (char 22)
tool: signify
args: --jsonl
status: 1
--- input-gen
{"crashing_thread": 0}\0\n
--- stdout
{"error": "Extra data: line 1 column 23 (char 22)", "line": 1}

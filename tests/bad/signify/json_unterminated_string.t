# string never closed
# Python: JSONDecodeError: Invalid control character at: line 1 column 17 (char 16)
tool: signify
args: --jsonl
status: 1
--- input
{"threads": "abc
--- stdout
{"error": "@@TODO", "line": 1}

# string never closed
# Python: JSONDecodeError: Invalid control character at: line 1 column 17 (char 16)
tool: signify
args: --jsonl
status: 1
--- input
{"threads": "abc
--- stdout
{"error": "Unterminated string starting at: line 1 column 13 (char 12)", "line": 1}

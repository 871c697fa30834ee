# \u with too few hex digits
# Python: JSONDecodeError: Invalid \uXXXX escape: line 1 column 42 (char 41)
tool: signify
args: --jsonl
status: 1
--- input
{"threads": [{"frames": [{"function": "a\u12"}]}]}
--- stdout
{"error": "Invalid \\uXXXX escape: line 1 column 42 (char 41)", "line": 1}

# unknown string escape
# Python: JSONDecodeError: Invalid \escape: line 1 column 41 (char 40)
tool: signify
args: --jsonl
status: 1
--- input
{"threads": [{"frames": [{"function": "a\qb"}]}]}
--- stdout
{"error": "Invalid \\escape: line 1 column 41 (char 40)", "line": 1}

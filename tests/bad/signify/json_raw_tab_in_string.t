# a raw tab inside a string
# Python: JSONDecodeError: Invalid control character at: line 1 column 41 (char 40)
tool: signify
args: --jsonl
status: 1
--- input-gen
{"threads": [{"frames": [{"function": "a\tb"}]}]}\n
--- stdout
{"error": "Invalid control character at: line 1 column 41 (char 40)", "line": 1}

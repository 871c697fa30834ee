# a raw control character inside a string (json.loads strict mode rejects it)
# Python: JSONDecodeError: Invalid control character at: line 1 column 41 (char 40)
tool: signify
args: --jsonl
status: 1
--- input-gen
{"threads": [{"frames": [{"function": "a\x01b"}]}]}\n
--- stdout
{"error": "Invalid control character at: line 1 column 41 (char 40)", "line": 1}

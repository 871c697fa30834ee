# not JSON at all
# Python: JSONDecodeError: Expecting value: line 1 column 1 (char 0)
tool: signify
args: --jsonl
status: 1
--- input
hello
--- stdout
{"error": "Expecting value: line 1 column 1 (char 0)", "line": 1}

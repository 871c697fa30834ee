# top level is a number
# Python: ValueError: not an object
tool: signify
args: --jsonl
status: 1
--- input
42
--- stdout
{"error": "@@TODO", "line": 1}

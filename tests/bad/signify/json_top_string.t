# top level is a string
# Python: ValueError: not an object
tool: signify
args: --jsonl
status: 1
--- input
"crash"
--- stdout
{"error": "@@TODO", "line": 1}

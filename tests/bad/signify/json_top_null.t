# top level is null
# Python: ValueError: not an object
tool: signify
args: --jsonl
status: 1
--- input
null
--- stdout
{"error": "@@TODO", "line": 1}

# top level is a list, not crash data
# Python: ValueError: not an object
tool: signify
args: --jsonl
status: 1
--- input
[{"crashing_thread": 0}]
--- stdout
{"error": "@@TODO", "line": 1}

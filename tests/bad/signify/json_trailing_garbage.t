# a value followed by garbage
# Python: JSONDecodeError: Extra data: line 1 column 24 (char 23)
tool: signify
args: --jsonl
status: 1
--- input
{"crashing_thread": 0} x
--- stdout
{"error": "Extra data: line 1 column 24 (char 23)", "line": 1}

# a document cut in the middle
# Python: JSONDecodeError: Expecting ',' delimiter: line 2 column 1 (char 64)
tool: signify
args: --jsonl
status: 1
--- input
{"crashing_thread": 0, "threads": [{"frames": [{"function": "f"
--- stdout
{"error": "Expecting ',' delimiter: line 1 column 64 (char 63)", "line": 1}

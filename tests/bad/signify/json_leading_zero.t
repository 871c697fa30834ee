# number with a leading zero
# Python: JSONDecodeError: Expecting ',' delimiter: line 1 column 22 (char 21)
tool: signify
args: --jsonl
status: 1
--- input
{"crashing_thread": 01}
--- stdout
{"error": "Expecting ',' delimiter: line 1 column 22 (char 21)", "line": 1}

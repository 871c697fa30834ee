# hex number literal
# Python: JSONDecodeError: Expecting ',' delimiter: line 1 column 22 (char 21)
tool: signify
args: --jsonl
status: 1
--- input
{"crashing_thread": 0x1}
--- stdout
{"error": "Expecting ',' delimiter: line 1 column 22 (char 21)", "line": 1}

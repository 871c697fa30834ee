# number with a plus sign
# Python: JSONDecodeError: Expecting value: line 1 column 21 (char 20)
tool: signify
args: --jsonl
status: 1
--- input
{"crashing_thread": +1}
--- stdout
{"error": "Expecting value: line 1 column 21 (char 20)", "line": 1}

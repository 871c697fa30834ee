# missing value after colon
# Python: JSONDecodeError: Expecting value: line 1 column 13 (char 12)
tool: signify
args: --jsonl
status: 1
--- input
{"threads": }
--- stdout
{"error": "Expecting value: line 1 column 13 (char 12)", "line": 1}

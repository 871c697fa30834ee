# a line of spaces only
# Python: JSONDecodeError: Expecting value: line 2 column 1 (char 4)
tool: signify
args: --jsonl
status: 1
--- input
   
--- stdout
{"error": "Expecting value: line 1 column 4 (char 3)", "line": 1}

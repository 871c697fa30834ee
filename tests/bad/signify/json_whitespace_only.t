# a line of spaces only
# Python: JSONDecodeError: Expecting value: line 2 column 1 (char 4)
tool: signify
args: --jsonl
status: 1
--- input
   
--- stdout
{"error": "@@TODO", "line": 1}

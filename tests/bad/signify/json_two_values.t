# two documents on one line
# Python: JSONDecodeError: Extra data: line 1 column 4 (char 3)
tool: signify
args: --jsonl
status: 1
--- input
{} {}
--- stdout
{"error": "Extra data: line 1 column 4 (char 3)", "line": 1}

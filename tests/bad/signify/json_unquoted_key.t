# unquoted key
# Python: JSONDecodeError: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)
tool: signify
args: --jsonl
status: 1
--- input
{crashing_thread: 0}
--- stdout
{"error": "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)", "line": 1}

# trailing comma in an object
# Python: JSONDecodeError: Expecting property name enclosed in double quotes: line 1 column 23 (char 22)
tool: signify
args: --jsonl
status: 1
--- input
{"crashing_thread": 0,}
--- stdout
{"error": "Expecting property name enclosed in double quotes: line 1 column 23 (char 22)", "line": 1}

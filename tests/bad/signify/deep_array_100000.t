# 100 000 nested arrays
# Python: RecursionError
tool: signify
args: --jsonl
status: 1
--- input-gen
{"crashing_thread": 0, "threads": @{100000:[}@@{100000:]}@}\n
--- stdout
{"error": "JSON nested deeper than the 1000-level limit: line 1 column 1034 (char 1033)", "line": 1}

# 100 000 opening brackets and nothing else
# Python: RecursionError
tool: signify
args: --jsonl
status: 1
--- input-gen
@{100000:[}@\n
--- stdout
{"error": "JSON nested deeper than the 1000-level limit: line 1 column 1001 (char 1000)", "line": 1}

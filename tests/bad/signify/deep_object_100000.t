# 100 000 nested objects
# Python: RecursionError
tool: signify
args: --jsonl
status: 1
--- input-gen
@{100000:{"a": }@1@{100000:}}@\n
--- stdout
{"error": "JSON nested deeper than the 1000-level limit: line 1 column 6001 (char 6000)", "line": 1}

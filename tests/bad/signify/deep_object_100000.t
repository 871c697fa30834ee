# 100 000 nested objects
# Python: RecursionError
tool: signify
args: --jsonl
status: 1
--- input-gen
@{100000:{"a": }@1@{100000:}}@\n
--- stdout
{"error": "@@TODO", "line": 1}

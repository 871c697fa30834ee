# 100 000 opening brackets and nothing else
# Python: RecursionError
tool: signify
args: --jsonl
status: 1
--- input-gen
@{100000:[}@\n
--- stdout
{"error": "@@TODO", "line": 1}

# 100 000 nested arrays
# Python: RecursionError
tool: signify
args: --jsonl
status: 1
--- input-gen
{"crashing_thread": 0, "threads": @{100000:[}@@{100000:]}@}\n
--- stdout
{"error": "@@TODO", "line": 1}

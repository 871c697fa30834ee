# 0xff inside a string
# Python: UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 40: invalid start byte
tool: signify
args: --jsonl
status: 1
--- input-gen
{"threads": [{"frames": [{"function": "a\xffb"}]}]}\n
--- stdout
{"error": "'utf-8' codec can't decode byte 0xff in position 40: invalid UTF-8", "line": 1}

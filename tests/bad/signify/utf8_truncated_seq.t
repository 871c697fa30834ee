# a 3-byte sequence cut short
# Python: UnicodeDecodeError: 'utf-8' codec can't decode bytes in position 40-41: invalid continuation byte
tool: signify
args: --jsonl
status: 1
--- input-gen
{"threads": [{"frames": [{"function": "a\xe2\x82"}]}]}\n
--- stdout
{"error": "'utf-8' codec can't decode byte 0xe2 in position 40: invalid UTF-8", "line": 1}

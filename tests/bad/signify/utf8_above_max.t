# a code point above U+10FFFF
# Python: UnicodeDecodeError: 'utf-8' codec can't decode byte 0xf4 in position 40: invalid continuation byte
tool: signify
args: --jsonl
status: 1
--- input-gen
{"threads": [{"frames": [{"function": "a\xf4\x90\x80\x80b"}]}]}\n
--- stdout
{"error": "'utf-8' codec can't decode byte 0xf4 in position 40: invalid UTF-8", "line": 1}

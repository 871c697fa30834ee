# a UTF-16 surrogate encoded as UTF-8 (CESU)
# Python: UnicodeDecodeError: 'utf-8' codec can't decode byte 0xed in position 40: invalid continuation byte
tool: signify
args: --jsonl
status: 1
--- input-gen
{"threads": [{"frames": [{"function": "a\xed\xa0\x80b"}]}]}\n
--- stdout
{"error": "'utf-8' codec can't decode byte 0xed in position 40: invalid UTF-8", "line": 1}

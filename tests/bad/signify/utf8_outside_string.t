# a stray byte between tokens
# Python: UnicodeDecodeError: 'utf-8' codec can't decode byte 0x80 in position 21: invalid start byte
tool: signify
args: --jsonl
status: 1
--- input-gen
{"crashing_thread": 0\x80}\n
--- stdout
{"error": "'utf-8' codec can't decode byte 0x80 in position 21: invalid UTF-8", "line": 1}

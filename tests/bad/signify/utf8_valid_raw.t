# raw (unescaped) valid UTF-8 is fine: output escapes it like json.dumps
# expected: Python's verdict (oracle.py --mode crash, ../shared/socorro/siglists)
tool: signify
args: --jsonl
status: 0
--- input-gen
{"crashing_thread": 0, "threads": [{"frames": [{"function": "caf\xc3\xa9::\xf0\x9f\x98\x80"}]}]}\n
--- stdout
{"signature": "caf::", "proto_signature": "caf\u00e9::\ud83d\ude00", "normalized_frames": ["caf\u00e9::\ud83d\ude00"], "notes": ["SigPrintableCharsOnly: unprintable characters removed"]}

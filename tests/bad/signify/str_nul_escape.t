# \u0000 inside a function name
# expected: Python's verdict (oracle.py --mode crash, ../shared/socorro/siglists)
tool: signify
args: --jsonl
status: 0
--- input
{"crashing_thread": 0, "threads": [{"frames": [{"function": "a\u0000b"}, {"function": "c"}]}]}
--- stdout
{"signature": "ab", "proto_signature": "a\u0000b | c", "normalized_frames": ["a\u0000b", "c"], "notes": ["SigPrintableCharsOnly: unprintable characters removed"]}

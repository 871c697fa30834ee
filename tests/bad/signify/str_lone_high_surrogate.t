# lone high surrogate \ud800
# expected: Python's verdict (oracle.py --mode crash, ../shared/socorro/siglists)
tool: signify
args: --jsonl
status: 0
--- input
{"crashing_thread": 0, "threads": [{"frames": [{"function": "a\ud800b"}]}]}
--- stdout
{"signature": "ab", "proto_signature": "a\ud800b", "normalized_frames": ["a\ud800b"], "notes": ["SigPrintableCharsOnly: unprintable characters removed"]}

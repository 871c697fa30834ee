# \u0000 in an unrelated key
# expected: Python's verdict (oracle.py --mode crash, ../shared/socorro/siglists)
tool: signify
args: --jsonl
status: 0
--- input
{"crashing_thread": 0, "threads": [{"frames": [{"function": "k"}]}], "a\u0000b": 1}
--- stdout
{"signature": "k", "proto_signature": "k", "normalized_frames": ["k"], "notes": []}

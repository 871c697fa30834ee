# line is a string
# expected: Python's verdict (oracle.py --mode crash, ../shared/socorro/siglists)
tool: signify
args: --jsonl
status: 0
--- input
{"crashing_thread": 0, "threads": [{"frames": [{"function": "f", "file": "a.cpp", "line": "12"}]}]}
--- stdout
{"signature": "f", "proto_signature": "f", "normalized_frames": ["f"], "notes": []}

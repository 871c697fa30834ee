# crashing_thread digits with surrounding spaces
# expected: Python's verdict (oracle.py --mode crash, ../shared/socorro/siglists)
tool: signify
args: --jsonl
status: 0
--- input
{"crashing_thread": " 2 ", "threads": [{"frames": [{"function": "t0"}]}, {"frames": [{"function": "t1"}]}, {"frames": [{"function": "t2"}]}]}
--- stdout
{"signature": "t2", "proto_signature": "t2", "normalized_frames": ["t2"], "notes": []}

# crashing_thread a string of digits
# expected: Python's verdict (oracle.py --mode crash, ../shared/socorro/siglists)
tool: signify
args: --jsonl
status: 0
--- input
{"crashing_thread": "1", "threads": [{"frames": [{"function": "t0"}]}, {"frames": [{"function": "t1"}]}, {"frames": [{"function": "t2"}]}]}
--- stdout
{"signature": "t1", "proto_signature": "t1", "normalized_frames": ["t1"], "notes": []}

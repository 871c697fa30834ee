# crashing_thread hex is not int()
# expected: Python's verdict (oracle.py --mode crash, ../shared/socorro/siglists)
tool: signify
args: --jsonl
status: 0
--- input
{"crashing_thread": "0x1", "threads": [{"frames": [{"function": "t0"}]}, {"frames": [{"function": "t1"}]}, {"frames": [{"function": "t2"}]}]}
--- stdout
{"signature": "t0", "proto_signature": "t0", "normalized_frames": ["t0"], "notes": []}

# oom_allocation_size is a string
# expected: Python's verdict (oracle.py --mode crash, ../shared/socorro/siglists)
tool: signify
args: --jsonl
status: 0
--- input
{"oom_allocation_size": "1024", "crashing_thread": 0, "threads": [{"frames": [{"function": "f"}]}]}
--- stdout
{"signature": "OOM | small", "proto_signature": "f", "normalized_frames": ["f"], "notes": []}

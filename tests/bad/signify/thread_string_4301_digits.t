# crashing_thread a string of 4301 digits: int() raises ValueError, thread 0
# expected: Python's verdict (oracle.py --mode crash, ../shared/socorro/siglists)
tool: signify
args: --jsonl
status: 0
--- input-gen
{"crashing_thread": "@{4301:1}@", "threads": [{"frames": [{"function": "t0"}]}]}\n
--- stdout
{"signature": "t0", "proto_signature": "t0", "normalized_frames": ["t0"], "notes": []}

# crashing_thread -Infinity
# expected: Python's verdict (oracle.py --mode crash, ../shared/socorro/siglists)
tool: signify
args: --jsonl
status: 0
--- input
{"crashing_thread": -Infinity, "threads": [{"frames": [{"function": "t0"}]}, {"frames": [{"function": "t1"}]}]}
--- stdout
{"signature": "", "proto_signature": "", "normalized_frames": []}

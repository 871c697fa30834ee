# crashing_thread 1e400 is inf as a float
# expected: Python's verdict (oracle.py --mode crash, ../shared/socorro/siglists)
tool: signify
args: --jsonl
status: 0
--- input
{"crashing_thread": 1e400, "threads": [{"frames": [{"function": "t0"}]}, {"frames": [{"function": "t1"}]}]}
--- stdout
{"signature": "", "proto_signature": "", "normalized_frames": []}

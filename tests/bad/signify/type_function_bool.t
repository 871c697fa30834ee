# function is a bool
# expected: Python's verdict (oracle.py --mode crash, ../shared/socorro/siglists)
tool: signify
args: --jsonl
status: 0
--- input
{"crashing_thread": 0, "threads": [{"frames": [{"function": true}]}]}
--- stdout
{"signature": "", "proto_signature": "", "normalized_frames": []}

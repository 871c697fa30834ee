# function is a dict
# expected: Python's verdict (oracle.py --mode crash, ../shared/socorro/siglists)
tool: signify
args: --jsonl
status: 0
--- input
{"crashing_thread": 0, "threads": [{"frames": [{"function": {"a": 1}}]}]}
--- stdout
{"signature": "", "proto_signature": "", "normalized_frames": []}

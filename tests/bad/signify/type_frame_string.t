# a frame is a string
# expected: Python's verdict (oracle.py --mode crash, ../shared/socorro/siglists)
tool: signify
args: --jsonl
status: 0
--- input
{"crashing_thread": 0, "threads": [{"frames": ["f"]}]}
--- stdout
{"signature": "", "proto_signature": "", "normalized_frames": []}

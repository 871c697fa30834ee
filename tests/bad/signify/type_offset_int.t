# offset is a number
# expected: Python's verdict (oracle.py --mode crash, ../shared/socorro/siglists)
tool: signify
args: --jsonl
status: 0
--- input
{"crashing_thread": 0, "threads": [{"frames": [{"offset": 255}]}]}
--- stdout
{"signature": "@255", "proto_signature": "@255", "normalized_frames": ["@255"], "notes": []}

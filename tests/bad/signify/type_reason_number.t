# reason annotation is a number
# expected: Python's verdict (oracle.py --mode crash, ../shared/socorro/siglists)
tool: signify
args: --jsonl
status: 0
--- input
{"reason": 5, "crashing_thread": 0, "threads": [{"frames": [{"function": "f"}]}]}
--- stdout
{"signature": "f", "proto_signature": "f", "normalized_frames": ["f"]}

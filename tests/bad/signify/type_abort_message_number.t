# abort_message is a number
# expected: Python's verdict (oracle.py --mode crash, ../shared/socorro/siglists)
tool: signify
args: --jsonl
status: 0
--- input
{"abort_message": 12, "crashing_thread": 0, "threads": [{"frames": [{"function": "abort"}]}]}
--- stdout
{"signature": "abort", "proto_signature": "abort", "normalized_frames": ["abort"]}

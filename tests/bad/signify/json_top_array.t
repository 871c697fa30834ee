# top level is a list: every rule fails as in Python
# expected: Python's verdict (oracle.py --mode crash, ../shared/socorro/siglists)
tool: signify
args: --jsonl
status: 0
--- input
[{"crashing_thread": 0}]
--- stdout
{"signature": "", "proto_signature": "", "normalized_frames": []}

# top level is null: every rule fails as in Python
# expected: Python's verdict (oracle.py --mode crash, ../shared/socorro/siglists)
tool: signify
args: --jsonl
status: 0
--- input
null
--- stdout
{"signature": "", "proto_signature": "", "normalized_frames": []}

# a 10 MB file name beside a short function
# expected: Python's verdict (oracle.py --mode crash, ../shared/socorro/siglists)
tool: signify
args: --jsonl
status: 0
--- input-gen
{"crashing_thread": 0, "threads": [{"frames": [{"function": "f", "file": "@{10000000:a}@", "line": 1}]}]}\n
--- stdout
{"signature": "f", "proto_signature": "f", "normalized_frames": ["f"], "notes": []}

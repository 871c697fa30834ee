# a 10 MB annotation no rule reads
# expected: Python's verdict (oracle.py --mode crash, ../shared/socorro/siglists)
tool: signify
args: --jsonl
status: 0
--- input-gen
{"crashing_thread": 0, "Unrelated": "@{10000000:x}@", "threads": [{"frames": [{"function": "f"}]}]}\n
--- stdout
{"signature": "f", "proto_signature": "f", "normalized_frames": ["f"], "notes": []}

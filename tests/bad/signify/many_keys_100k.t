# 100 000 keys in one frame, the function last
# expected: Python's verdict (oracle.py --mode crash, ../shared/socorro/siglists)
tool: signify
args: --jsonl
status: 0
--- input-gen
{"crashing_thread": 0, "threads": [{"frames": [{@{100000:"k": 1, }@"function": "f"}]}]}\n
--- stdout
{"signature": "f", "proto_signature": "f", "normalized_frames": ["f"], "notes": []}

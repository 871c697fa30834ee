# threads is a dict
# expected: Python's verdict (oracle.py --mode crash, ../shared/socorro/siglists)
tool: signify
args: --jsonl
status: 0
--- input
{"crashing_thread": 0, "threads": {"0": {"frames": [{"function": "f"}]}}}
--- stdout
{"signature": "f", "proto_signature": "f", "normalized_frames": ["f"], "notes": []}

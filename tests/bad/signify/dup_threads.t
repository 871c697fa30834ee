# threads twice: the last wins
# expected: Python's verdict (oracle.py --mode crash, ../shared/socorro/siglists)
tool: signify
args: --jsonl
status: 0
--- input
{"crashing_thread": 0, "threads": [{"frames": [{"function": "first"}]}], "threads": [{"frames": [{"function": "second"}]}]}
--- stdout
{"signature": "second", "proto_signature": "second", "normalized_frames": ["second"], "notes": []}

# os is a number
# expected: Python's verdict (oracle.py --mode crash, ../shared/socorro/siglists)
tool: signify
args: --jsonl
status: 0
--- input
{"os": 1, "crashing_thread": 0, "threads": [{"frames": [{"function": "X.DLL"}]}]}
--- stdout
{"signature": "X.DLL", "proto_signature": "X.DLL", "normalized_frames": ["X.DLL"], "notes": []}

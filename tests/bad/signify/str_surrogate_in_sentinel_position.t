# lone surrogate next to a sentinel
# expected: Python's verdict (oracle.py --mode crash, ../shared/socorro/siglists)
tool: signify
args: --jsonl
status: 0
--- input
{"crashing_thread": 0, "threads": [{"frames": [{"function": "\ud800"}, {"function": "_purecall"}, {"function": "x"}]}]}
--- stdout
{"signature": "_purecall | x", "proto_signature": "\ud800 | _purecall | x", "normalized_frames": ["\ud800", "_purecall", "x"], "notes": []}

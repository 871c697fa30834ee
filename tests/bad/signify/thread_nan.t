# crashing_thread NaN (json.loads accepts it; int() raises ValueError)
# expected: Python's verdict (oracle.py --mode crash, ../shared/socorro/siglists)
tool: signify
args: --jsonl
status: 0
--- input
{"crashing_thread": NaN, "threads": [{"frames": [{"function": "t0"}]}, {"frames": [{"function": "t1"}]}]}
--- stdout
{"signature": "t0", "proto_signature": "t0", "normalized_frames": ["t0"], "notes": []}

# crashing_thread twice: the last (1) wins
# expected: Python's verdict (oracle.py --mode crash, ../shared/socorro/siglists)
tool: signify
args: --jsonl
status: 0
--- input
{"crashing_thread": 0, "threads": [{"frames": [{"function": "zero"}]}, {"frames": [{"function": "one"}]}], "crashing_thread": 1}
--- stdout
{"signature": "one", "proto_signature": "one", "normalized_frames": ["one"], "notes": []}

# frame keys are case-sensitive
# expected: Python's verdict (oracle.py --mode crash, ../shared/socorro/siglists)
tool: signify
args: --jsonl
status: 0
--- input
{"crashing_thread": 0, "threads": [{"frames": [{"Function": "upper", "module": "m.dll"}]}]}
--- stdout
{"signature": "m.dll", "proto_signature": "m.dll", "normalized_frames": ["m.dll"], "notes": []}

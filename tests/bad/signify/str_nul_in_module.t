# \u0000 in a module name
# expected: Python's verdict (oracle.py --mode crash, ../shared/socorro/siglists)
tool: signify
args: --jsonl
status: 0
--- input
{"crashing_thread": 0, "threads": [{"frames": [{"module": "a\u0000.dll"}]}]}
--- stdout
{"signature": "a.dll", "proto_signature": "a\u0000.dll", "normalized_frames": ["a\u0000.dll"], "notes": ["SigPrintableCharsOnly: unprintable characters removed"]}

# lone low surrogate \udc00
# expected: Python's verdict (oracle.py --mode crash, ../shared/socorro/siglists)
tool: signify
args: --jsonl
status: 0
--- input
{"crashing_thread": 0, "threads": [{"frames": [{"function": "\udc00"}]}]}
--- stdout
{"signature": "", "proto_signature": "\udc00", "normalized_frames": ["\udc00"], "notes": ["SigPrintableCharsOnly: unprintable characters removed"]}

# low then high surrogate: two lone surrogates
# expected: Python's verdict (oracle.py --mode crash, ../shared/socorro/siglists)
tool: signify
args: --jsonl
status: 0
--- input
{"crashing_thread": 0, "threads": [{"frames": [{"function": "\udc00\ud800"}]}]}
--- stdout
{"signature": "", "proto_signature": "\udc00\ud800", "normalized_frames": ["\udc00\ud800"], "notes": ["SigPrintableCharsOnly: unprintable characters removed"]}

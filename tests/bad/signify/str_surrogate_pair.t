# a valid surrogate pair (U+1F600)
# expected: Python's verdict (oracle.py --mode crash, ../shared/socorro/siglists)
tool: signify
args: --jsonl
status: 0
--- input
{"crashing_thread": 0, "threads": [{"frames": [{"function": "f\ud83d\ude00"}]}]}
--- stdout
{"signature": "f", "proto_signature": "f\ud83d\ude00", "normalized_frames": ["f\ud83d\ude00"], "notes": ["SigPrintableCharsOnly: unprintable characters removed"]}

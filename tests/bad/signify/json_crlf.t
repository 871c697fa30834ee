# a CRLF line end: the CR is JSON whitespace
# expected: Python's verdict (oracle.py --mode crash, ../shared/socorro/siglists)
tool: signify
args: --jsonl
status: 0
--- input-gen
{"crashing_thread": 0, "threads": [{"frames": [{"function": "crlf"}]}]}\r\n
--- stdout
{"signature": "crlf", "proto_signature": "crlf", "normalized_frames": ["crlf"], "notes": []}

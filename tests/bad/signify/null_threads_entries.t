# threads entries null
# expected: Python's verdict (oracle.py --mode crash, ../shared/socorro/siglists)
tool: signify
args: --jsonl
status: 0
--- input
{"crashing_thread": 1, "threads": [null, null]}
--- stdout
{"signature": "", "proto_signature": "", "normalized_frames": []}

# a million threads, crashing_thread the last
# expected: Python's verdict (oracle.py --mode crash, ../shared/socorro/siglists)
tool: signify
args: --jsonl
status: 0
--- input-gen
{"crashing_thread": -1, "threads": [@{999999:{"frames": []}, }@{"frames": [{"function": "last"}]}]}\n
--- stdout
{"signature": "last", "proto_signature": "last", "normalized_frames": ["last"], "notes": []}

# a 10 MB template argument list collapses to <T>
# expected: Python's verdict (oracle.py --mode crash, ../shared/socorro/siglists)
tool: signify
args: --jsonl
status: 0
--- input-gen
{"crashing_thread": 0, "threads": [{"frames": [{"function": "f<@{10000000:a}@>(int)"}, {"function": "g"}]}]}\n
--- stdout
{"signature": "f<T>", "proto_signature": "f<T> | g", "normalized_frames": ["f<T>", "g"], "notes": []}

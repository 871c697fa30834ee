# json_dump.crash_info.crashing_thread is a string
# expected: Python's verdict (oracle.py --mode crash, ../shared/socorro/siglists)
tool: signify
args: --jsonl
status: 0
--- input
{"json_dump": {"crash_info": {"crashing_thread": "1"}, "threads": [{"frames": [{"function": "a"}]}, {"frames": [{"function": "b"}]}]}}
--- stdout
{"signature": "b", "proto_signature": "b", "normalized_frames": ["b"], "notes": []}

# json_dump.crash_info is null
# expected: Python's verdict (oracle.py --mode crash, ../shared/socorro/siglists)
tool: signify
args: --jsonl
status: 0
--- input
{"json_dump": {"crash_info": null, "threads": [{"frames": [{"function": "a"}]}]}}
--- stdout
{"signature": "a", "proto_signature": "a", "normalized_frames": ["a"], "notes": []}

# system_info.os is a number
# expected: Python's verdict (oracle.py --mode crash, ../shared/socorro/siglists)
tool: signify
args: --jsonl
status: 0
--- input
{"json_dump": {"threads": [{"frames": [{"function": "a"}]}], "system_info": {"os": 7}}}
--- stdout
{"signature": "a", "proto_signature": "a", "normalized_frames": ["a"], "notes": []}

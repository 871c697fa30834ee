# keys are case-sensitive: Crashing_Thread and Threads are other keys
# expected: Python's verdict (oracle.py --mode crash, ../shared/socorro/siglists)
tool: signify
args: --jsonl
status: 0
--- input
{"Crashing_Thread": 1, "Threads": [{"frames": [{"function": "upper"}]}], "crashing_thread": 0, "threads": [{"frames": [{"function": "lower"}]}]}
--- stdout
{"signature": "lower", "proto_signature": "lower", "normalized_frames": ["lower"], "notes": []}

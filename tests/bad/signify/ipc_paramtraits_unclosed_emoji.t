# IPC::ParamTraits< left open, ending in U+1F602 (4 bytes)
# expected: Python's verdict (oracle.py --mode crash, ../shared/socorro/siglists)
tool: signify
args: --jsonl
status: 0
--- input
{"crashing_thread": 0, "threads": [{"frames": [{"function": "IPC::ParamTraits<ab\ud83d\ude02"}]}]}
--- stdout
{"signature": "IPC::ParamTraits<ab>", "proto_signature": "IPC::ParamTraits<ab>", "normalized_frames": ["IPC::ParamTraits<ab>"], "notes": []}

# IPC::ParamTraits< left open, ending in U+00E9 (2 bytes)
# expected: Python's verdict (oracle.py --mode crash, ../shared/socorro/siglists)
tool: signify
args: --jsonl
status: 0
--- input
{"crashing_thread": 0, "threads": [{"frames": [{"function": "IPC::ParamTraits<x, caf\u00e9"}]}]}
--- stdout
{"signature": "IPC::ParamTraits<x, caf>", "proto_signature": "IPC::ParamTraits<x, caf>", "normalized_frames": ["IPC::ParamTraits<x, caf>"], "notes": []}

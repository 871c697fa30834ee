# --max-frames 2: only the first two frames are read (Socorro would read 40)
tool: signify
args: --jsonl --max-frames 2
status: 0
--- input
{"crashing_thread": 0, "threads": [{"frames": [{"function": "a"}, {"function": "KiFastSystemCallRet"}, {"function": "c"}, {"function": "d"}]}]}
--- stdout
{"signature": "a", "proto_signature": "a | KiFastSystemCallRet", "normalized_frames": ["a", "KiFastSystemCallRet"], "notes": []}

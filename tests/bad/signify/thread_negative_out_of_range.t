# crashing_thread -4: out of range
# expected: Python's verdict (oracle.py --mode crash, ../shared/socorro/siglists)
tool: signify
args: --jsonl
status: 0
--- input
{"crashing_thread": -4, "threads": [{"frames": [{"function": "t0"}]}, {"frames": [{"function": "t1"}]}, {"frames": [{"function": "t2"}]}]}
--- stdout
{"signature": "EMPTY: no frame data available", "proto_signature": "", "normalized_frames": [], "notes": ["SignatureGenerationRule: CSignatureTool: no frame data for crashing thread (-4)"]}

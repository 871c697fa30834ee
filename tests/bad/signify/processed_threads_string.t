# json_dump.threads is a string
# expected: Python's verdict (oracle.py --mode crash, ../shared/socorro/siglists)
tool: signify
args: --jsonl
status: 0
--- input
{"json_dump": {"threads": "x"}}
--- stdout
{"signature": "EMPTY: no frame data available", "proto_signature": "", "normalized_frames": [], "notes": ["SignatureGenerationRule: CSignatureTool: no frame data for crashing thread (0)"]}

# java_exception is a string
# expected: Python's verdict (oracle.py --mode crash, ../shared/socorro/siglists)
tool: signify
args: --jsonl
status: 0
--- input
{"java_exception": "boom"}
--- stdout
{"signature": "EMPTY: Java exception not in expected format", "proto_signature": "", "normalized_frames": [], "notes": ["SignatureGenerationRule: JavaExceptionSignatureTool: value not in expected format"]}

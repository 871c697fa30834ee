# java_stack_trace is a number
# expected: Python's verdict (oracle.py --mode crash, ../shared/socorro/siglists)
tool: signify
args: --jsonl
status: 0
--- input
{"java_stack_trace": 12}
--- stdout
{"signature": "EMPTY: Java stack trace not in expected format", "proto_signature": "", "normalized_frames": [], "notes": ["SignatureGenerationRule: JavaSignatureTool: stack trace not in expected format"]}

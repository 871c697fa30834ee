# a blank line in the middle gets its own error line; a last line without newline still counts
tool: signify
args: --jsonl
status: 1
--- input-gen
{}\n\n{"crashing_thread": 0, "threads": [{"frames": [{"function": "last"}]}]}
--- stdout
{"signature": "EMPTY: no frame data available", "proto_signature": "", "normalized_frames": [], "notes": ["SignatureGenerationRule: CSignatureTool: no frame data for crashing thread (0)"]}
{"error": "Expecting value: line 1 column 1 (char 0)", "line": 2}
{"signature": "last", "proto_signature": "last", "normalized_frames": ["last"], "notes": []}

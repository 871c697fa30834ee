# CRLF line ends in batch mode: the CR is whitespace to json.loads
tool: signify
args: --jsonl
status: 0
--- input-gen
{"crashing_thread": 0, "threads": [{"frames": [{"function": "one"}]}]}\r\n{"crashing_thread": 0, "threads": [{"frames": [{"function": "two"}]}]}\r\n
--- stdout
{"signature": "one", "proto_signature": "one", "normalized_frames": ["one"], "notes": []}
{"signature": "two", "proto_signature": "two", "normalized_frames": ["two"], "notes": []}

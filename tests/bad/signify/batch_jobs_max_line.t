# --jobs with --max-line: the error line keeps its place among the results
tool: signify
args: --jsonl --jobs 2 --max-line 100
status: 1
--- input
{"a": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}
{"crashing_thread": 0, "threads": [{"frames": [{"function": "ok"}]}]}
--- stdout
{"error": "line longer than the 100-byte limit (--max-line)", "line": 1}
{"signature": "ok", "proto_signature": "ok", "normalized_frames": ["ok"], "notes": []}

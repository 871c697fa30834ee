# NaN and infinities in frame fields (regression: UBSan float-cast-overflow in json_read.c make_number)
# expected: Python's verdict (oracle.py --mode crash, ../shared/socorro/siglists)
tool: signify
args: --jsonl
status: 0
--- input
{"crashing_thread": 0, "threads": [{"frames": [{"function": NaN}, {"module": Infinity, "module_offset": -Infinity}, {"offset": NaN}, {"function": "f", "line": NaN}]}]}
--- stdout
{"signature": "", "proto_signature": "", "normalized_frames": []}

# a JSON integer of 4301 digits: json.loads itself raises ValueError
# Python: ValueError: Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; use sys.set_in
tool: signify
args: --jsonl
status: 1
--- input-gen
{"crashing_thread": @{4301:1}@, "threads": [{"frames": [{"function": "t0"}]}]}\n
--- stdout
{"error": "Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; use sys.set_int_max_str_digits() to increase the limit", "line": 1}

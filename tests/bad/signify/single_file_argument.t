# single mode on a file: json.dumps(indent=2) output, non-ASCII escaped (expected: Python's)
tool: signify
args: $IN
status: 0
compare: exact
--- input
{"crashing_thread": 0, "threads": [{"frames": [{"function": "KiFastSystemCallRet"}, {"function": "caf\u00e9::f(int)"}, {"function": "g"}]}], "reason": "EXCEPTION_ACCESS_VIOLATION_READ"}
--- stdout
{
  "signature": "caf::f",
  "proto_signature": "KiFastSystemCallRet | caf\u00e9::f | g",
  "notes": [
    "SigPrintableCharsOnly: unprintable characters removed"
  ]
}

# crashing_thread a float beyond 64 bits
# expected: Python's verdict (oracle.py --mode crash, ../shared/socorro/siglists)
tool: signify
args: --jsonl
status: 0
--- input
{"crashing_thread": 1e+300, "threads": [{"frames": [{"function": "t0"}]}, {"frames": [{"function": "t1"}]}, {"frames": [{"function": "t2"}]}]}
--- stdout
{"signature": "EMPTY: no frame data available", "proto_signature": "", "normalized_frames": [], "notes": ["SignatureGenerationRule: CSignatureTool: no frame data for crashing thread (1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160)"]}

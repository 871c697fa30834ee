# every frame field null
# expected: Python's verdict (oracle.py --mode crash, ../shared/socorro/siglists)
tool: signify
args: --jsonl
status: 0
--- input
{"crashing_thread": 0, "threads": [{"frames": [{"function": null, "module": null, "file": null, "line": null, "module_offset": null, "offset": null, "unloaded_modules": null, "inlines": null}]}]}
--- stdout
{"signature": "", "proto_signature": "", "normalized_frames": [""], "notes": ["SignatureGenerationRule: CSignatureTool: no frame data for crashing thread (0)"]}

# every field null
# expected: Python's verdict (oracle.py --mode crash, ../shared/socorro/siglists)
tool: signify
args: --jsonl
status: 0
--- input
{"crashing_thread": null, "threads": null, "os": null, "reason": null, "abort_message": null, "java_stack_trace": null, "java_exception": null, "oom_allocation_size": null, "ipc_channel_error": null, "ipc_message_name": null, "hang_type": null, "async_shutdown_timeout": null}
--- stdout
{"signature": "EMPTY: no frame data available", "proto_signature": "", "normalized_frames": [], "notes": ["SignatureGenerationRule: CSignatureTool: no frame data for crashing thread (0)"]}

# --jobs needs a batch mode
tool: signify
args: --jobs 2
status: 2
--- input
{}
--- stderr
signify: --jobs works with --jsonl, --normalize or --walk

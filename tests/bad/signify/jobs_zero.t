# --jobs needs a positive number
tool: signify
args: --jsonl --jobs 0
status: 2
--- input
{}
--- stderr
signify: --jobs needs a positive number, not '0'

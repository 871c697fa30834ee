#!/usr/bin/env python3
"""Socorro's Python reference as a --jsonl runner, for `make bench` (bench stage).

usage: SG_SOCORRO=DIR[:DIR...] python3 bench/pyref.py < crashes.jsonl > results.jsonl

DIR entries go first on sys.path: one must hold the `socorro` package of a checkout of the
reference (its `socorro/signature` and bundled siglists), others its dependencies (glom and
what glom imports) when pip cannot install them. Nothing of the reference lives in this
repository. Each input line is crash_data, or a processed crash (with `json_dump`), which is
converted first, as siggen's signify does; one result line (Result.to_dict) per input line.
The cost measured is what a pipeline pays per crash: json.loads, generation, json.dumps.
"""
import json
import os
import sys


def main():
    paths = [p for p in os.environ.get("SG_SOCORRO", "").split(":") if p]
    if not paths:
        sys.exit("pyref.py: set SG_SOCORRO to the directory holding the reference's socorro package")
    sys.path[:0] = paths
    from socorro.signature.generator import SignatureGenerator
    from socorro.signature.utils import convert_to_crash_data

    generator = SignatureGenerator()
    out = sys.stdout
    for line in sys.stdin:
        crash = json.loads(line)
        if "json_dump" in crash:
            crash = convert_to_crash_data(crash)
        out.write(json.dumps(generator.generate(crash).to_dict()) + "\n")


if __name__ == "__main__":
    main()

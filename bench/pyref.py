#!/usr/bin/env python3
"""Socorro's Python reference as a --jsonl runner, for `make bench` (bench stage).

usage: SG_SOCORRO=DIR[:DIR...] python3 bench/pyref.py [--generate-only] < crashes.jsonl > results.jsonl

DIR entries go first on sys.path: one must hold the `socorro` package of a checkout of the
reference (its `socorro/signature` and bundled siglists), others its dependencies (glom and
what glom imports) when pip cannot install them. Nothing of the reference lives in this
repository. Each input line is crash_data, or a processed crash (with `json_dump`), which is
converted first, as siggen's signify does; one result line (Result.to_dict) per input line.
The cost measured is what a pipeline pays per crash: json.loads, generation, json.dumps.
With --generate-only, every line is parsed first and only generate() is timed: one line,
"generate: N us/crash", goes to standard output.
"""
import json
import os
import sys
import time


def main():
    paths = [p for p in os.environ.get("SG_SOCORRO", "").split(":") if p]
    if not paths:
        sys.exit("pyref.py: set SG_SOCORRO to the directory holding the reference's socorro package")
    sys.path[:0] = paths
    from socorro.signature.generator import SignatureGenerator
    from socorro.signature.utils import convert_to_crash_data

    generator = SignatureGenerator()
    out = sys.stdout
    if sys.argv[1:] == ["--generate-only"]:
        crashes = [json.loads(line) for line in sys.stdin]
        crashes = [convert_to_crash_data(c) if "json_dump" in c else c for c in crashes]
        t0 = time.perf_counter()
        for crash in crashes:
            generator.generate(crash)
        t1 = time.perf_counter()
        out.write("generate: %.1f us/crash\n" % ((t1 - t0) / max(len(crashes), 1) * 1e6))
        return
    for line in sys.stdin:
        crash = json.loads(line)
        if "json_dump" in crash:
            crash = convert_to_crash_data(crash)
        out.write(json.dumps(generator.generate(crash).to_dict()) + "\n")


if __name__ == "__main__":
    main()

#!/bin/sh
# valgrind.sh — valgrind memcheck of `signify --jsonl` (tests stage, `make valgrind`) over the
# inputs of the shared corpus crash files and over the one-line inputs of tests/bad/signify:
# passes only with zero memcheck errors and zero leaked bytes (every leak kind counts).
# usage: SHARED=../shared tests/valgrind.sh SIGNIFY
set -eu
signify=${1:?usage: valgrind.sh SIGNIFY}
shared=${SHARED:-../shared}
command -v valgrind >/dev/null || { echo "valgrind.sh: valgrind is not installed" >&2; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sg-valgrind-XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

# inputs: the "input" member of every corpus case (re-serialized: same JSON values)
n=0
if [ -d "$shared/corpus/crashes" ] && command -v python3 >/dev/null; then
    for f in "$shared"/corpus/crashes/*.jsonl; do
        n=$((n + 1))
        python3 -c 'import json,sys
for l in open(sys.argv[1], encoding="utf-8"):
    if l.strip(): print(json.dumps(json.loads(l)["input"]))' "$f" > "$tmp/$n-$(basename "$f")"
    done
else
    echo "valgrind.sh: $shared/corpus (or python3) missing: running the bad-input cases only" >&2
fi
# error paths too: the literal one-line inputs of the bad-input cases
awk 'FNR == 1 { take = 0 } /^--- / { take = ($0 == "--- input"); next } take' \
    tests/bad/signify/*.t > "$tmp/bad-inputs.jsonl"

fail=0
for in in "$tmp"/*.jsonl; do
    lines=$(wc -l < "$in")
    log="$tmp/$(basename "$in").vg"
    status=0
    valgrind --tool=memcheck --leak-check=full --show-leak-kinds=all --errors-for-leak-kinds=all \
        --error-exitcode=99 --log-file="$log" "$signify" --jsonl "$in" > "$tmp/out" || status=$?
    out=$(wc -l < "$tmp/out")
    summary=$(grep -E 'ERROR SUMMARY' "$log" | tail -1 | sed 's/^==[0-9]*== //')
    leaks=$(grep -E 'in use at exit' "$log" | tail -1 | sed 's/^==[0-9]*== //')
    echo "$(basename "$in"): $lines lines in, $out out, exit $status; $summary; $leaks"
    if [ "$status" -eq 99 ] || ! grep -q 'ERROR SUMMARY: 0 errors' "$log" \
        || ! grep -q 'in use at exit: 0 bytes' "$log" || [ "$out" -ne "$lines" ]; then
        fail=1
        grep -E '^==[0-9]+== ' "$log" | head -60
    fi
done
if [ $fail -eq 0 ]; then echo "valgrind: 0 errors, 0 leaks"; else echo "valgrind: FAILED"; fi
exit $fail

#!/bin/sh
# seed.sh — builds the libFuzzer seed corpora under DEST/<target>/ from the shared corpus at run
# time (tests stage; nothing from ../shared is ever copied into the project tree).
# usage: SHARED=../shared tests/fuzz/seed.sh DEST      (one file per seed, named by its SHA-1)
set -eu
dest=${1:?usage: seed.sh DEST}
shared=${SHARED:-../shared}
corpus=$shared/corpus
if [ ! -d "$corpus" ]; then
    echo "seed.sh: $corpus not found: fuzzing starts from empty corpora" >&2
    mkdir -p "$dest/fuzz_crash" "$dest/fuzz_normalize" "$dest/fuzz_regex" "$dest/fuzz_rules" \
        "$dest/fuzz_jsonstr" "$dest/fuzz_json"
    exit 0
fi
command -v python3 >/dev/null || { echo "seed.sh: python3 is needed to extract seeds" >&2; exit 1; }
rm -rf "$dest" && mkdir -p "$dest"
python3 - "$corpus" "$shared" "$dest" <<'EOF'
import glob, hashlib, json, os, sys
corpus, shared, dest = sys.argv[1:4]
MAX = 64 * 1024   # matches make fuzz's -max_len: bigger seeds would only be cut
counts = {}

def put(target, data):
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    if len(data) > MAX:
        return
    d = os.path.join(dest, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, hashlib.sha1(data).hexdigest()), "wb") as f:
        f.write(data)
    counts[target] = counts.get(target, 0) + 1

def jsonl(path, every=1):
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f):
            if line.strip() and n % every == 0:
                yield json.loads(line)

# crash documents: every adversarial case, a sample of the realistic ones, Socorro's own tests
for c in jsonl(f"{corpus}/crashes/adversarial.jsonl"):
    put("fuzz_crash", json.dumps(c["input"]))
for name, every in (("synthetic", 25), ("processed", 10)):
    for c in jsonl(f"{corpus}/crashes/{name}.jsonl", every):
        put("fuzz_crash", json.dumps(c["input"]))
for name in ("generate", "rule"):
    for c in jsonl(f"{corpus}/harvested/{name}.jsonl"):
        put("fuzz_crash", json.dumps(c["input"]))

# single frames
for c in jsonl(f"{corpus}/normalize/frames.jsonl", 20):
    put("fuzz_normalize", json.dumps(c["frame"]))
for c in jsonl(f"{corpus}/harvested/normalize.jsonl"):
    put("fuzz_normalize", json.dumps(c["frame"]))

# one regex line each: every line of every list, the probe patterns, Python's rejects
lists = glob.glob(f"{shared}/socorro/siglists/*_re.txt") + glob.glob(f"{shared}/siggen/siglists/*_re.txt") \
    + glob.glob(f"{corpus}/regex/patterns/*_re.txt") + glob.glob(f"{corpus}/harvested/siglists/*/*_re.txt")
for path in sorted(lists):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                put("fuzz_regex", line.rstrip("\n"))
seen = set()
for name in ("lines", "invalid", "unsupported"):
    for c in jsonl(f"{corpus}/regex/{name}.jsonl"):
        if c["pattern"] not in seen:
            seen.add(c["pattern"])
            put("fuzz_regex", c["pattern"])
# JSON string literals (without the opening quote): every distinct string of the adversarial cases
strings = set()
def walk(v):
    if isinstance(v, str):
        strings.add(v)
    elif isinstance(v, list):
        for x in v: walk(x)
    elif isinstance(v, dict):
        for k, x in v.items(): strings.add(k); walk(x)
for c in jsonl(f"{corpus}/crashes/adversarial.jsonl"):
    walk(c["input"])
for s in sorted(strings)[:3000]:
    put("fuzz_jsonstr", json.dumps(s)[1:])
    put("fuzz_jsonstr", json.dumps(s, ensure_ascii=False)[1:])
for k, v in sorted(counts.items()):
    print(f"seed.sh: {v} seeds for {k}")
EOF
# the JSON reader takes the same documents as the crash target
rm -rf "$dest/fuzz_json" && cp -r "$dest/fuzz_crash" "$dest/fuzz_json"
# rules files are the project's own sources: the default pipeline and any rules test inputs
mkdir -p "$dest/fuzz_rules"
for f in siglists/*.rules tests/rules/*.rules; do
    [ -f "$f" ] && cp "$f" "$dest/fuzz_rules/$(basename "$f")"
done
echo "seed.sh: $(ls "$dest/fuzz_rules" | wc -l) seeds for fuzz_rules"

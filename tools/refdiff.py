#!/usr/bin/env python3
"""Differential test against Socorro's Python reference: seeded random inputs go through
both, and every disagreement is printed with its input.

usage: SG_SOCORRO=DIR[:DIR...] python3 tools/refdiff.py SIGNIFY MODE [--seed N] [--count N]
                                                         [--shared DIR] [--keep DIR]

SIGNIFY must be built against the lists the reference bundles (make SIGLISTS=../shared/socorro/
siglists BUILD=build/bench-socorro). SG_SOCORRO is as for bench/pyref.py: directories that hold
the reference's `socorro` package and its dependencies (glom and what glom imports). Nothing of
the reference lives in this repository. Modes:
  crash      every case of ../shared/corpus/crashes/*.jsonl, mutated --count times (frame
             fields, threads, annotations and processed-crash fields get values of odd types
             and odd strings); compares signature, proto_signature, normalized_frames and notes
  normalize  --count random frames (odd types, or real function names from the corpus
             with a few edits) through `signify --normalize` and normalize_frame() (the
             exception class where Python raises)
  walk       --count random lists of frames (corpus frames and siglist entries, cut, padded,
             upper-cased) through `signify --walk` and CSignatureTool.generate()
Exits 1 when anything differs. Asserts on nothing else; run it by hand when rules change.
"""
import argparse
import copy
import json
import os
import random
import re
import subprocess
import sys
import tempfile

VALS = [None, True, False, 0, 1, -1, 2, 1.5, -0.0, 1e300, 10**30, "", " ", "0", "-1", "0x10",
        "1_000", "\u0661\u0662", "abc", [], {}, [1], ["x"], {"a": 1}, "NaN", "\u2028", "\x00",
        "\t x \n", "262144", "262145", " 7 ", {"\x00k": 1, "b": [2]}]
FUNCS = ["", " ", "const", "f const", "operator()", "a::operator<<(int)", "`anonymous namespace'::f",
         "f<int>(x)", "<>", "((", "))", "f(", "f)", "a<b", "a>b",
         "std::vector<int, std::allocator<int> >::push_back(int const&)",
         "core::ptr::drop_in_place<T>::h0123456789abcdef", "fn::h", "x::hZZ", "x\n",
         "f [clone .cold.1]", "f [clone .cold]", "\u00dcn\u00efc\u00f6d\u00e9::fn", "a\x1cb",
         "lambda$0$1", "x$y", "f(int) const&", "f(int) &&", "f(int) &", "  spaced  out  ", "a,b",
         "a , b", "a ,b", "mozalloc_abort", "NS_ABORT_OOM", "RunWatchdog", "(anonymous namespace)::x",
         "x\u00a0y", "\u00e9" * 300, "<" * 50, "(" * 50 + ")" * 49, "A::B<C<D>>::E(F<G>)", "@0x1234",
         "f(char const*, ...)", "decltype(x) f()", "x`y'z", "x::{{closure}}",
         "<&T as core::fmt::Debug>::fmt", "panic", "expect_failed"]
MODS = ["", "XUL", "xul.dll", "NTDLL.DLL", "[foo]", "[]", "\u00c4BC.dll", "\u0130.dll", "\u1e9e.DLL",
        "libc.so.6", None, 1, []]
FILES = ["", "hg:hg.mozilla.org/mozilla-central:js/src/vm/Interpreter.cpp:abc",
         "git:github.com/rust-lang/rust:library/core/src/panicking.rs:1", "/a/b.rs", "a.rs", "x:y.rs",
         "c:\\x\\y.cpp", "a/b/", "a\\b\\", "/usr/x.c", "s3:b:c:d:e.rs", "x:src/libcore/option.rs",
         None, 5]
OFFS = ["0x0", "0x00001", "0X1f", "+0x1", "-0x1", "0x_1", "0x__1", "_1", "1_", "ff", "zz", "",
        " 0x1 ", "\u0661", None, 12, True, "0x" + "0" * 100 + "1"]
FRAME_KEYS = ["function", "module", "file", "line", "offset", "module_offset", "inlines",
              "unloaded_modules"]
TOP = ["crashing_thread", "reason", "oom_allocation_size", "abort_message", "async_shutdown_timeout",
       "ipc_channel_error", "ipc_message_name", "additional_minidumps", "hang", "mdsw_status_string",
       "java_stack_trace", "java_exception", "js_large_allocation_failure", "os"]
TOP_VALS = {
    "reason": ["EXCEPTION_STACK_OVERFLOW", "STATUS_NO_MEMORY", "STATUS_DEVICE_DATA_ERROR",
               "x STATUS_DEVICE_DATA_ERROR y"],
    "os": ["Windows NT", "Mac OS X", "Linux", "windows nt"],
    "async_shutdown_timeout": ['{"phase":"p","conditions":[{"name":"a"},{"name":"b"}]}',
                               '{"phase":"p"}', "{", "[]", '{"conditions":"x"}',
                               '{"phase":1,"conditions":[1]}', '"x"', "null"],
    "abort_message": ["###!!! ABORT: x: file a.cpp:1", "###!!! ABORT: file x",
                      "unable to find a usable font (x)", "\u00e9\x01" * 60, " a " * 40],
    "crashing_thread": [0, 1, -1, -100, 99, "0", 0.0, 1.0, True, None, "x", [], 10**20],
    "additional_minidumps": [["upload_file_minidump_browser"], "upload_file_minidump_browser", "x", None],
    "js_large_allocation_failure": ["Reporting", "x"],
    "hang": [0, 1, "", "x", False],
    "oom_allocation_size": [1e300, -1e300, 1e20, "1e3", "12", 262144.5],
    "java_stack_trace": ["java.lang.X: msg\n\tat a.b(c.java:1)", "x", "",
                         "java.lang.NullPointerException\n\tat org.mozilla.A.b(A.java:12)\n\tat c.d(e)"],
    "java_exception": [{"exception": {"values": [{"stacktrace": {"type": "E", "module": "m", "value": "v",
                       "frames": [{"module": "a", "function": "f", "lineno": 1}]}}]}},
                       {"exception": {}}, {"exception": {"values": []}}, "x"],
}


# functions that come back with other Rust hashes (the memo keeps one entry for each without
# its hash's digits): swallowed by an unclosed '<' or '(', short, spaced, listed for line numbers
HASHED = ["js_Interpret", "js_Int", "a", "", "foo<bar", "foo<bar as baz", "foo(bar", "x , y",
          "core::ptr::drop_in_place<T>", "std::rt::lang_start::{{closure}}"]


def hashed_function(rnd, bases):
    digits = "".join(rnd.choice("0123456789abcdefABCDEF") for _ in range(rnd.choice([1, 2, 16, 17])))
    return rnd.choice(bases) + "::h" + digits


class Mutator:
    def __init__(self, seed, real_functions=()):
        self.rnd = random.Random(seed)
        self.real_functions = list(real_functions)
        self.hashed = HASHED + [edited(self.rnd, f).split("::h")[0] for f in self.real_functions[:12]]

    def value(self, key=None):
        r, rnd = self.rnd.random(), self.rnd
        pools = {"function": FUNCS, "module": MODS, "file": FILES, "offset": OFFS, "module_offset": OFFS}
        if key == "function" and self.real_functions and r < 0.3:
            v = edited(rnd, rnd.choice(self.real_functions))
        elif key == "function" and r < 0.7:
            v = rnd.choice(FUNCS) + (rnd.choice(FUNCS) if rnd.random() < 0.2 else "")
        elif key in pools and r < 0.7:
            v = rnd.choice(pools[key])
        elif key in TOP_VALS and r < 0.6:
            v = rnd.choice(TOP_VALS[key])
        else:
            v = rnd.choice(VALS)
        return copy.deepcopy(v)

    def frame(self, fr):
        rnd = self.rnd
        k = rnd.choice(FRAME_KEYS)
        if rnd.random() < 0.1:
            fr["function"] = hashed_function(rnd, self.hashed)
            fr["file"] = rnd.choice(["/a.rs", "hg:x:y.rs:1", "/a.cpp"])
        elif rnd.random() < 0.2:
            fr.pop(k, None)
        elif k == "inlines":
            fr[k] = ([{"function": self.value("function"), "file": self.value("file"), "line": self.value()}
                      for _ in range(rnd.randint(0, 3))] if rnd.random() < 0.7 else self.value())
        elif k == "unloaded_modules":
            fr[k] = [{"module": self.value("module")}] if rnd.random() < 0.6 else self.value()
        else:
            fr[k] = self.value(k)

    def thread(self, th):
        rnd = self.rnd
        if not isinstance(th, dict):
            return
        q = rnd.random()
        frames = th.get("frames")
        if q < 0.6 and isinstance(frames, list) and frames:
            i = rnd.randrange(len(frames))
            if not isinstance(frames[i], dict) or rnd.random() < 0.05:
                frames[i] = {"function": self.value("function")} if rnd.random() < 0.5 else self.value()
            else:
                self.frame(frames[i])
                if rnd.random() < 0.1:
                    frames.insert(0, copy.deepcopy(frames[i]))
        elif q < 0.7:
            th["frames"] = self.value()
        elif q < 0.85:
            th["last_error_value"] = rnd.choice(["ERROR_COMMITMENT_LIMIT", "ERROR_NOT_ENOUGH_MEMORY",
                                                 "x", None, 1, [], ""])
        else:
            th["frames"] = [{"function": "RunWatchdog"}] + (frames if isinstance(frames, list) else [])

    def crash_data(self, c):
        rnd = self.rnd
        for _ in range(rnd.randint(1, 4)):
            if not isinstance(c, dict):
                return c
            threads = c.get("threads")
            r = rnd.random()
            if r < 0.6 and isinstance(threads, list) and threads:
                self.thread(threads[rnd.randrange(min(len(threads), 3))])
            elif r < 0.65:
                c["threads"] = self.value()
            elif r < 0.95:
                k = rnd.choice(TOP)
                if rnd.random() < 0.15:
                    c.pop(k, None)
                else:
                    c[k] = self.value(k)
            elif rnd.random() < 0.3:
                c = self.value()
        return c

    def processed(self, c):
        rnd = self.rnd
        jd = c.get("json_dump")
        if isinstance(jd, dict) and isinstance(jd.get("threads"), list) and jd["threads"]:
            for _ in range(rnd.randint(1, 3)):
                self.thread(jd["threads"][rnd.randrange(min(len(jd["threads"]), 3))])
        for _ in range(rnd.randint(0, 3)):
            r, jd = rnd.random(), c.get("json_dump")
            if r < 0.3:
                k = rnd.choice(TOP[1:] + ["signature"])
                c[k] = self.value(k)
            elif r < 0.4:
                c["json_dump"] = self.value()
            elif isinstance(jd, dict) and r < 0.6:
                ci = jd.get("crash_info")
                if isinstance(ci, dict) and rnd.random() < 0.8:
                    k = rnd.choice(["crashing_thread", "type"])
                    ci[k] = self.value("crashing_thread" if k == "crashing_thread" else "reason")
                else:
                    jd["crash_info"] = self.value()
            elif isinstance(jd, dict) and r < 0.75:
                si = jd.get("system_info")
                if isinstance(si, dict) and rnd.random() < 0.8:
                    si["os"] = self.value("os")
                else:
                    jd["system_info"] = self.value()
            elif isinstance(jd, dict) and r < 0.85:
                jd.pop(rnd.choice(["crash_info", "system_info", "threads"]), None)
            else:
                c.pop(rnd.choice(TOP[1:] + ["signature"]), None)
        return c


def run_signify(signify, flag, lines):
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        f.write("".join(line + "\n" for line in lines))
        path = f.name
    try:
        out = subprocess.run([signify, flag, path], capture_output=True, text=True).stdout
    finally:
        os.unlink(path)
    return [json.loads(x) for x in out.splitlines()]


def corpus(args):
    """Every case of the corpus crashes ({"input", "expected"})."""
    for name in ("synthetic", "adversarial", "processed"):
        with open(os.path.join(args.shared, "corpus", "crashes", name + ".jsonl")) as f:
            for line in f:
                yield json.loads(line)


def crash_cases(args, mut):
    cases = []
    for case in corpus(args):
        for _ in range(args.count):
            c = copy.deepcopy(case["input"])
            c = mut.processed(c) if isinstance(c, dict) and "json_dump" in c else mut.crash_data(c)
            cases.append(json.dumps(c))
    return cases


def reference_crash(line):
    from socorro.signature.utils import convert_to_crash_data
    crash = json.loads(line)
    try:
        if isinstance(crash, dict) and "json_dump" in crash:
            crash = convert_to_crash_data(crash)
        r = reference("generator").generate(crash).to_dict()
    except Exception as e:  # outside the rules: signify reports an error line
        return {"python_raised": type(e).__name__}
    extra = r.get("extra", {})
    return [r["signature"], extra.get("proto_signature", ""), extra.get("normalized_frames", []), r["notes"]]


def ours_crash(r):
    if "error" in r:
        return {"error": r["error"]}
    return [r.get("signature"), r.get("proto_signature"), r.get("normalized_frames"), r.get("notes")]


EDITS = list("<>()[]{}`' ,*&$:#@\n\t") + [
    "const", "::", "::$_1::", " [clone .cold.1]", "operator", "::operator<", " as ", " in ",
    "<name omitted>", "(anonymous namespace)", "`anonymous namespace'", "::h0123456789abcdef",
    "{{closure}}", "\u00e9", "\u2028", "\x00", "\x85", "IPC::ParamTraits<", "<unknown in ", ".rs"]


def corpus_strings(args, key):
    """Every str `key` of the first 40 frames (and inlines) of threads 0 and 1 in the corpus."""
    found = []
    for case in corpus(args):
        c = case["input"]
        if isinstance(c, dict) and isinstance(c.get("json_dump"), dict):
            c = c["json_dump"]
        threads = c.get("threads") if isinstance(c, dict) else None
        for t in threads[:2] if isinstance(threads, list) else []:
            frames = t.get("frames") if isinstance(t, dict) else None
            for fr in frames[:40] if isinstance(frames, list) else []:
                inl = fr.get("inlines") if isinstance(fr, dict) else None
                for d in [fr] + (inl if isinstance(inl, list) else []):
                    if isinstance(d, dict) and isinstance(d.get(key), str):
                        found.append(d[key])
    return found


def edited(rnd, s):
    """s with one to four insertions, deletions or replacements of EDITS."""
    for _ in range(rnd.randint(1, 4)):
        r, i = rnd.random(), rnd.randint(0, len(s))
        if r < 0.5:
            s = s[:i] + rnd.choice(EDITS) + s[i:]
        elif r < 0.75:
            s = s[:i] + s[i + rnd.randint(1, 5):]
        else:
            s = s[:i] + rnd.choice(EDITS) + s[i + 1:]
    return s


def normalize_cases(args, mut):
    rnd, out = mut.rnd, []
    real_functions, real_files = corpus_strings(args, "function"), corpus_strings(args, "file")
    lines = [1, 0, -1, "12", "", None, 1.5, True]
    unloaded = [[{"module": "u.dll"}], [], None, [{"x": 1}], [{"module": 5}], "s", {"a": 1}]
    items = ["(", ")", "<", ">", "[", "]", "`", "'", " ", "a", "b c", "::h12", "[clone", "(x)", "T",
             ",", "*", "", 1, None, True, 1.5, [], {}]
    for _ in range(args.count):
        f = {}
        for key, pool in (("function", FUNCS), ("module", MODS), ("file", FILES), ("line", lines),
                          ("module_offset", OFFS), ("offset", OFFS), ("unloaded_modules", unloaded)):
            if rnd.random() < 0.55:
                f[key] = rnd.choice(pool) if rnd.random() < 0.75 else mut.value()
        if rnd.random() < 0.4:  # a real name, edited: the C++ and Rust rules' state machines
            f["function"] = edited(rnd, rnd.choice(real_functions))
            f["file"] = rnd.choice(real_files) if rnd.random() < 0.7 else edited(rnd, rnd.choice(real_files))
        elif rnd.random() < 0.05:  # a list or dict function meets the Rust rules item by item
            f["function"] = [rnd.choice(items) for _ in range(rnd.randint(1, 8))]
            f["file"] = rnd.choice(["/a.rs", "hg:x:y.rs:1", "/a.cpp"])
        out.append(json.dumps(f))
    return out


_cached = {}


def reference(name):
    """The reference's CSignatureTool or SignatureGenerator, made once."""
    if name not in _cached:
        from socorro.signature.generator import SignatureGenerator
        from socorro.signature.rules import CSignatureTool
        _cached[name] = CSignatureTool() if name == "tool" else SignatureGenerator()
    return _cached[name]


def python_exception(call, *args, **kwargs):
    """call(...), or the class name of what it raised."""
    try:
        return call(*args, **kwargs)
    except Exception as e:
        return {"python_exception": type(e).__name__}


def reference_normalize(line):
    return python_exception(reference("tool").normalize_frame, **json.loads(line))


def walk_cases(args, mut):
    rnd, pool, lit = mut.rnd, set(), []
    for case in corpus(args):
        pool.update(case["expected"].get("normalized_frames", []))
    for name in ("irrelevant_signature_re", "prefix_signature_re", "signature_sentinels",
                 "signatures_with_line_numbers_re"):
        with open(os.path.join(args.shared, "socorro", "siglists", name + ".txt")) as f:
            for entry in f:
                entry = entry.strip()
                if entry and not entry.startswith("#"):
                    lit += [entry, re.sub(r"\\(.)", r"\1", re.sub(r"[\^$*+?()\[\]{}|]|\.\*", "", entry))]
    pool = sorted(pool)

    def frame():
        s = rnd.choice(lit) if rnd.random() < 0.5 else rnd.choice(pool)
        m = rnd.random()
        if m < 0.1:
            s += rnd.choice(["", "x", "(", "::f", " ", "\n", "\u00e9", ":12", "@0x1"])
        elif m < 0.2:
            s = rnd.choice(["", "x", " ", "_", "\u00e9", "(anonymous namespace)::"]) + s
        elif m < 0.25:
            s = s.upper()
        elif m < 0.3:
            s = s[: rnd.randint(0, len(s))]
        return s
    return [json.dumps({"frames": [frame() for _ in range(rnd.randint(0, 45))],
                        "crashing_thread": rnd.choice([None, 0, 1, 2, -1, "0", 0.5])})
            for _ in range(args.count)]


def reference_walk(line):
    d = json.loads(line)
    got = python_exception(reference("tool").generate, d["frames"], d["crashing_thread"])
    return got if isinstance(got, dict) else got[0]


MODES = {
    "crash": (crash_cases, "--jsonl", reference_crash, ours_crash),
    "normalize": (normalize_cases, "--normalize", reference_normalize, lambda r: r),
    "walk": (walk_cases, "--walk", reference_walk, lambda r: r),
}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("signify")
    ap.add_argument("mode", choices=sorted(MODES))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=None,
                    help="mutants per corpus crash (crash, default 2) or inputs (default 10000)")
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared"))
    ap.add_argument("--show", type=int, default=5, help="disagreements printed in full")
    args = ap.parse_args()
    if args.count is None:
        args.count = 2 if args.mode == "crash" else 10000
    paths = [p for p in os.environ.get("SG_SOCORRO", "").split(":") if p]
    if not paths:
        sys.exit("refdiff.py: set SG_SOCORRO to the directories of the reference and its dependencies")
    sys.path[:0] = paths
    make, flag, expect, ours = MODES[args.mode]
    functions = corpus_strings(args, "function") if args.mode == "crash" else ()
    cases = make(args, Mutator(args.seed, functions))
    got = run_signify(args.signify, flag, cases)
    if len(got) != len(cases):
        sys.exit(f"refdiff.py: {len(cases)} inputs gave {len(got)} output lines")
    bad = skipped = 0
    for i, (case, mine) in enumerate(zip(cases, got)):
        want = expect(case)
        if isinstance(want, dict) and "python_raised" in want:
            skipped += 1  # the reference itself failed: no expected value
            continue
        if args.mode == "normalize" and isinstance(want, dict):
            mine = {"python_exception": mine.get("python_exception")} if isinstance(mine, dict) else mine
        if ours(mine) != want:
            bad += 1
            if bad <= args.show:
                print(f"input {i + 1}: {case[:2000]}\n  reference: {json.dumps(want)[:1000]}\n"
                      f"  csiggen:   {json.dumps(ours(mine))[:1000]}")
    print(f"{args.mode}: {len(cases)} inputs, {bad} differ, {skipped} where the reference raised")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()

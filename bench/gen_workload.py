#!/usr/bin/env python3
"""Seeded workload for csiggen benchmarks (bench stage).

usage: gen_workload.py N [--seed S] [--processed] > crashes.jsonl

Writes N crashes, one JSON document per line, shaped like real Firefox crash_data: ~47 KB
each, every thread present (6-14 threads of 8-20 frames), ~33 frames in the crashing
thread; C++ templates, Rust frames, module-only frames, inlines, and a mix of OOM, abort,
IPC, shutdown-hang and Java crashes. --processed wraps each as a Socorro processed crash
(json_dump.threads, crash_info, system_info, plus modules and unrelated fields), ~140 KB each.
"""
import argparse
import json
import random
import sys

CPP = ["mozilla::dom::{c}::{m}(mozilla::dom::{c}*, unsigned int)",
       "nsTArray_Impl<RefPtr<mozilla::dom::{c}>, nsTArrayInfallibleAllocator>::{m}<{c}*>({c}*&&)",
       "static void mozilla::detail::RunnableMethodImpl<{c}*, void ({c}::*)(), true, 0>::{m}() const",
       "js::jit::{c}::{m}(js::jit::MIRGenerator*, JS::Handle<JSObject*>)",
       "`anonymous namespace'::{c}::{m}(int)",
       "mozilla::ipc::MessageChannel::{m}(mozilla::UniquePtr<IPC::Message>)"]
RUST = ["<alloc::vec::Vec<T> as core::ops::Drop>::drop::h{h}",
        "core::ptr::drop_in_place<{c}>::h{h}",
        "std::panicking::rust_panic_with_hook::h{h}",
        "style::properties::{m}::h{h}"]
CLASSES = ["Element", "Document", "Runnable", "Scheduler", "Compositor", "Channel", "Worker"]
METHODS = ["Run", "Dispatch", "AppendElement", "Flush", "Notify", "Process", "Send", "Recv"]
MODULES = ["xul.dll", "ntdll.dll", "kernelbase.dll", "mozglue.dll", "libxul.so", "XUL",
           "libc.so.6", "nss3.dll"]


def frame(rng, i):
    c, m = rng.choice(CLASSES), rng.choice(METHODS)
    r = rng.random()
    f = {"frame": i, "module": rng.choice(MODULES),
         "module_offset": hex(rng.randrange(1 << 24)), "offset": hex(rng.randrange(1 << 44)),
         "trust": rng.choice(["context", "cfi", "scan", "frame_pointer"])}
    if r < 0.6:
        f["function"] = rng.choice(CPP).format(c=c, m=m)
        f["file"] = "hg:hg.mozilla.org/mozilla-central:dom/base/%s.cpp:%040x" % (c, rng.randrange(1 << 160))
        f["line"] = rng.randrange(1, 5000)
        f["function_offset"] = hex(rng.randrange(4096))
    elif r < 0.75:
        f["function"] = rng.choice(RUST).format(c=c, m=m.lower(), h="%016x" % rng.randrange(1 << 64))
        f["file"] = "git:github.com/rust-lang/rust:library/core/src/%s.rs:%040x" % (m.lower(), rng.randrange(1 << 160))
        f["line"] = rng.randrange(1, 900)
    if rng.random() < 0.1 and "function" in f:
        f["inlines"] = [{"function": rng.choice(CPP).format(c=c, m=m), "file": f.get("file", ""),
                         "line": rng.randrange(1, 900)} for _ in range(rng.randrange(1, 3))]
    return f


def crash(rng):
    nthreads = rng.randrange(6, 14)
    ct = rng.randrange(nthreads)
    threads = []
    for t in range(nthreads):
        n = rng.randrange(28, 38) if t == ct else rng.randrange(8, 20)
        threads.append({"frame_count": n, "frames": [frame(rng, i) for i in range(n)],
                        "thread_name": "Thread %d" % t, "last_error_value": "ERROR_SUCCESS"})
    d = {"crashing_thread": ct, "threads": threads,
         "os": rng.choice(["Windows NT", "Linux", "Mac OS X", "Android"]),
         "reason": rng.choice(["EXCEPTION_ACCESS_VIOLATION_READ", "SIGSEGV /SEGV_MAPERR",
                               "EXCEPTION_BREAKPOINT", "STATUS_NO_MEMORY"])}
    kind = rng.random()
    if kind < 0.1:
        d["oom_allocation_size"] = rng.choice([1024, 1 << 20, "notanumber"])
    elif kind < 0.2:
        d["abort_message"] = "###!!! ABORT: %s failed: file dom/base/X.cpp:12" % rng.choice(METHODS)
    elif kind < 0.25:
        d["ipc_channel_error"] = "ShutDownKill"
        d["additional_minidumps"] = ["upload_file_minidump_browser"]
    elif kind < 0.3:
        d["async_shutdown_timeout"] = json.dumps({"phase": "profile-before-change",
                                                  "conditions": [{"name": "A"}, "B"]})
    elif kind < 0.33:
        d["java_stack_trace"] = "java.lang.IllegalStateException: boom\n\tat org.mozilla.gecko.X.y(X.java:12)"
    elif kind < 0.36:
        d["ipc_message_name"] = "PContent::Msg_Foo"
    return d


def processed(rng, d):
    pad = "x" * 200
    return {"uuid": "%032x" % rng.randrange(1 << 128), "product": "Firefox", "version": "130.0",
            "json_dump": {"crash_info": {"crashing_thread": d["crashing_thread"], "type": d["reason"]},
                          "system_info": {"os": d["os"], "cpu_arch": "amd64"},
                          "threads": d["threads"],
                          "modules": [{"filename": m, "debug_id": "%032X" % rng.randrange(1 << 128),
                                       "notes": pad} for m in MODULES * 40]},
            **{k: v for k, v in d.items() if k not in ("threads", "crashing_thread", "reason", "os")}}


def main():
    ap = argparse.ArgumentParser(description="Writes N seeded crashes, one JSON document per line.")
    ap.add_argument("n", type=int, help="how many crashes")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--processed", action="store_true", help="wrap each as a processed crash")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    out = sys.stdout
    for _ in range(args.n):
        d = crash(rng)
        out.write(json.dumps(processed(rng, d) if args.processed else d) + "\n")


if __name__ == "__main__":
    main()

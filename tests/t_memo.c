/* t_memo.c — the normalized-function memo (tests stage): the table itself, and signatures
 * from a context that has seen the same functions before against a fresh context's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csiggen.h"
#include "matchers.h"
#include "memo.h"
#include "normalize.h"
#include "result.h"
#include "testlib.h"

SG_SUITE(memo_table)
{
    sg_memo *m = sg_memo_new();
    CHECK(m != NULL, "sg_memo_new");
    if (!m)
        return;
    size_t n;
    const char *k = "void f<int>(int)";
    uint64_t h0 = sg_memo_hash(0, k, strlen(k)), h1 = sg_memo_hash(1, k, strlen(k));
    CHECK(!sg_memo_get(m, h0, 0, k, strlen(k), &n), "an empty memo has nothing");
    sg_memo_put(m, h0, 0, k, strlen(k), "f<T>", 4);
    const char *v = sg_memo_get(m, h0, 0, k, strlen(k), &n);
    CHECK(v && n == 4 && !memcmp(v, "f<T>", 4), "what was put comes back");
    CHECK(!sg_memo_get(m, h1, 1, k, strlen(k), &n), "the same key of the other kind (Rust) is apart");
    CHECK(!sg_memo_get(m, h0, 1, k, strlen(k), &n), "even with the same hash, the kind is compared");
    CHECK(!sg_memo_get(m, h0, 0, k, strlen(k) - 1, &n), "a prefix of the key is another key");
    /* keys held against the bytes, not only the hash: a forged equal hash is not a hit */
    CHECK(!sg_memo_get(m, h0, 0, "void g<int>(int)", strlen(k), &n), "same hash, other bytes: no hit");
    /* filling the store empties it: the first item goes, the last stays, all stay exact */
    static char big[4096];
    char key[64];
    int kept_last = 1, wrong = 0;
    for (int i = 0; i < 600; i++) {
        int kn = snprintf(key, sizeof key, "key %d", i);
        memset(big, 'a' + i % 26, sizeof big);
        uint64_t h = sg_memo_hash(0, key, (size_t)kn);
        sg_memo_put(m, h, 0, key, (size_t)kn, big, sizeof big);
        v = sg_memo_get(m, h, 0, key, (size_t)kn, &n);
        kept_last &= v != NULL;
        if (v && (n != sizeof big || v[0] != 'a' + i % 26 || v[n - 1] != 'a' + i % 26))
            wrong++;
    }
    CHECK(kept_last && !wrong, "each item put is found right after, with its own bytes");
    CHECK(!sg_memo_get(m, h0, 0, k, strlen(k), &n), "2.4 MB of items emptied the 1 MiB store");
    memset(big, 'x', sizeof big);
    uint64_t hb = sg_memo_hash(0, "big", 3);
    sg_memo_put(m, hb, 0, "big", 3, big, sizeof big);
    CHECK(sg_memo_get(m, hb, 0, "big", 3, &n) && n == sizeof big, "a 4 KiB value is kept");
    static char huge[5000];
    uint64_t hh = sg_memo_hash(0, "huge", 4);
    sg_memo_put(m, hh, 0, "huge", 4, huge, sizeof huge);
    CHECK(!sg_memo_get(m, hh, 0, "huge", 4, &n), "a value over 4 KiB is not kept");
    sg_memo_free(m);
}

/* The signature of a one-frame crash. */
static char *sig_of(sg_ctx *ctx, const char *frame)
{
    char doc[512];
    int n = snprintf(doc, sizeof doc, "{\"crashing_thread\": 0, \"threads\": [{\"frames\": [%s]}]}", frame);
    sg_output o;
    sg_error e;
    if (sg_generate(ctx, doc, (size_t)n, 0, &o, &e) != SG_OK)
        return strdup(e.msg);
    return strdup(o.signature.s);
}

SG_SUITE(memo_signatures)
{
    /* frames whose normalization the memo could get wrong: a listed function whose line is
     * appended (signatures_with_line_numbers), the same name under Rust and C++ rules */
    static const char *frames[] = {
        "{\"function\": \"js::Interpret\", \"line\": 10, \"file\": \"a.cpp\"}",
        "{\"function\": \"js::Interpret\", \"line\": 20, \"file\": \"a.cpp\"}",
        "{\"function\": \"js::Interpret\", \"line\": \"x , y\", \"file\": \"a.cpp\"}",
        "{\"function\": \"core::fmt::write::h0123456789abcdef\", \"file\": \"/src/lib.rs\", \"line\": 3}",
        "{\"function\": \"core::fmt::write::h0123456789abcdef\", \"file\": \"/src/lib.cpp\", \"line\": 3}",
        "{\"function\": \"void mozilla::Foo<int>::Bar(int, char*) const\", \"line\": 1}",
        "{\"function\": \"void mozilla::Foo<int>::Bar(int, char*) const\", \"file\": \"/x.rs\"}",
        "{\"function\": \"const\"}",
    };
    size_t n = sizeof frames / sizeof frames[0];
    sg_ctx *warm = sg_ctx_new(NULL);
    /* every frame twice, in two orders, so that each is also seen after the others */
    for (int round = 0; round < 2; round++)
        for (size_t j = 0; j < n; j++) {
            size_t i = round ? n - 1 - j : j;
            sg_ctx *fresh = sg_ctx_new(NULL);
            char *a = sig_of(warm, frames[i]), *b = sig_of(fresh, frames[i]);
            CHECK(!strcmp(a, b), "frame %zu, round %d: %s (fresh context: %s)", i, round, a, b);
            free(a);
            free(b);
            sg_ctx_free(fresh);
        }
    char *a = sig_of(warm, frames[0]), *b = sig_of(warm, frames[1]);
    CHECK(strstr(a, ":10") && strstr(b, ":20"), "a listed function keeps its own line: %s, %s", a, b);
    free(a);
    free(b);
    sg_ctx_free(warm);
}

/* A Rust function's memo entry without its hash's digits: the signature from a context that
 * saw the function with other digits against a fresh context's, for functions whose hash
 * the normalization keeps, swallows (an unclosed '<' or '('), or cannot find (a final
 * newline), and short ones whose digits lie within the line-number list's reach. */
SG_SUITE(memo_rust_hashes)
{
    static const char *fns[] = {
        "core::fmt::write::h%s",
        "<alloc::vec::Vec<T> as core::ops::Drop>::drop::h%s",
        "std::rt::lang_start::{{closure}}::h%s",
        "foo<bar::baz::h%s",
        "foo<bar as baz::h%s",
        "foo(bar::h%s",
        "a::h%s",
        "::h%s",
        "js::Interpret::h%s",
        "Interpret::h%s",
        "x , y,z * w::h%s",
        "ab::hxyz::h%s",
        "static fn x::y::h%s",
        "x::y::h%s\\n",
    };
    static const char *digits[] = { "0123456789abcdef", "fedcba9876543210", "1", "ABCDEF0123456789",
                                    "00000000000000000000ff", "0123456789abcdeg" };
    size_t nf = sizeof fns / sizeof fns[0], nd = sizeof digits / sizeof digits[0];
    sg_ctx *warm = sg_ctx_new(NULL);
    for (size_t i = 0; i < nf; i++)
        for (size_t j = 0; j < nd; j++) {
            char fn[256], frame[512];
            snprintf(fn, sizeof fn, fns[i], digits[j]);
            snprintf(frame, sizeof frame, "{\"function\": \"%s\", \"file\": \"/src/lib.rs\", \"line\": 7}", fn);
            sg_ctx *fresh = sg_ctx_new(NULL);
            char *a = sig_of(warm, frame), *b = sig_of(fresh, frame);
            CHECK(!strcmp(a, b), "%s: %s (fresh context: %s)", fn, a, b);
            free(a);
            free(b);
            sg_ctx_free(fresh);
        }
    sg_ctx_free(warm);

    /* which entry a function leaves: without its digits only when they start past the
     * line-number matcher's reach (first digit at index R + 1) */
    size_t reach = sg_match_line_numbers_reach;
    if (reach > 200) {
        t_skip("the line-number list has no bound here: no entry goes without its digits");
        return;
    }
    sg_memo *m = sg_memo_new();
    sg_buf scratch[SG_SCRATCH], out;
    for (int k = 0; k < SG_SCRATCH; k++)
        sg_buf_init(&scratch[k]);
    sg_buf_init(&out);
    sg_arena arena;
    sg_arena_init(&arena, 0);
    for (size_t first = reach - 1; first <= reach + 2; first++) {
        char fn[256], doc[512];
        memset(fn, 'q', first - 3);
        snprintf(fn + first - 3, sizeof fn - (first - 3), "::h%s", "0123456789abcdef");
        snprintf(doc, sizeof doc, "{\"function\": \"%s\", \"file\": \"/src/lib.rs\"}", fn);
        cJSON *frame = cJSON_Parse(doc);
        sg_result r;
        sg_result_init(&r, &arena, 0);
        r.memo = m;
        r.scratch = scratch;
        sg_frame_in in = sg_frame_in_json(frame);
        sg_buf_reset(&out);
        CHECK(sg_normalize_frame(&r, &in, &out) == SG_PY_OK, "%s normalizes", fn);
        size_t n = strlen(fn), vlen;
        int unhashed = sg_memo_get(m, sg_memo_hash(SG_MEMO_RUST_UNHASHED, fn, first), SG_MEMO_RUST_UNHASHED,
                                   fn, first, &vlen) != NULL;
        int whole = sg_memo_get(m, sg_memo_hash(SG_MEMO_RUST, fn, n), SG_MEMO_RUST, fn, n, &vlen) != NULL;
        CHECK(unhashed == (first > reach) && whole == !unhashed,
              "first digit at %zu, reach %zu: entry without digits %d, with %d", first, reach, unhashed, whole);
        cJSON_Delete(frame);
    }
    for (int k = 0; k < SG_SCRATCH; k++)
        sg_buf_free(&scratch[k]);
    sg_buf_free(&out);
    sg_arena_free(&arena);
    sg_memo_free(m);
}

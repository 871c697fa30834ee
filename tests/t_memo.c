/* t_memo.c — the normalized-function memo (tests stage): the table itself, and signatures
 * from a context that has seen the same functions before against a fresh context's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csiggen.h"
#include "memo.h"
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

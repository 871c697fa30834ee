/* t_normalize.c — frame normalization and the signature walk (tests stage): every case of
 * ../shared/corpus/normalize/frames.jsonl through `signify --normalize`, the harvested
 * normalize/function/walk cases of Socorro's own tests (with the lists each test used), and
 * our own cases in tests/normalize/ (frames.jsonl, walk.jsonl) whose expected values Python's reference gave. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus.h"
#include "pyval.h"
#include "testlib.h"

static const cJSON *get(const cJSON *o, const char *k) { return sg_py_dict_get(o, k, strlen(k)); }

/* The signify built against the lists a case names ("socorro" or a harvested test-N). */
static const char *signify_for(const cJSON *c)
{
    const cJSON *sl = get(c, "siglists");
    static char rel[128];
    if (!cJSON_IsString(sl) || !strcmp(sl->valuestring, "socorro"))
        return t_path("SG_SOCORRO_BUILD", "signify");
    snprintf(rel, sizeof rel, "%s/signify", sl->valuestring);
    return t_path("SG_HARVEST_BUILD", rel);
}

/* The conditional sentinels a harvested test set up in code, as its CONDITIONAL.md states
 * them ("- `S` applies only when some frame of the stack equals `F`"), as a JSON list of
 * [S, F] pairs appended to b; nothing when there is none. */
static void conditional_sentinels(const cJSON *c, sg_buf *b)
{
    const cJSON *sl = get(c, "siglists");
    if (!cJSON_IsString(sl))
        return;
    char rel[256];
    snprintf(rel, sizeof rel, "corpus/harvested/siglists/%s/CONDITIONAL.md", sl->valuestring);
    const char *path = t_path("SG_SHARED", rel);
    size_t len;
    char *md = path ? t_read_file(path, &len) : NULL;
    const char *p = md;
    int n = 0;
    while (p && (p = strstr(p, "- `")) != NULL) {
        char sent[128], when[128];
        if (sscanf(p, "- `%127[^`]` applies only when some frame of the stack equals `%127[^`]`",
                   sent, when) == 2) {
            sg_buf_adds(b, n++ ? ", [\"" : ", \"conditional_sentinels\": [[\"");
            sg_buf_adds(b, sent);
            sg_buf_adds(b, "\", \"");
            sg_buf_adds(b, when);
            sg_buf_adds(b, "\"]");
        }
        p += 3;
    }
    if (n)
        sg_buf_addc(b, ']');
    free(md);
}

/* Runs each case's input line through `signify MODE` and compares with its expected value
 * (a JSON string, or {"python_exception": class}). input_of builds the input line. */
static void run_cases(const char *label, cJSON **cases, size_t n, const char *mode,
                      void (*input_of)(const cJSON *c, sg_buf *b), const char *want_key)
{
    size_t ok = 0, ran = 0;
    for (size_t i = 0; i < n; i++) {
        const char *signify = signify_for(cases[i]);
        if (!signify)
            continue;
        sg_buf in;
        sg_buf_init(&in);
        input_of(cases[i], &in);
        sg_buf_addc(&in, '\n');
        char cmd[1024];
        int status;
        size_t nout;
        snprintf(cmd, sizeof cmd, "%s %s", signify, mode);
        cJSON **out = tc_run_lines(cmd, &in, &nout, &status);
        const cJSON *want = get(cases[i], want_key), *exc = get(cases[i], "python_exception");
        int good = nout == 1 && out[0] &&
                   (want ? tc_equal(out[0], want)
                         : exc && get(out[0], "python_exception") &&
                               tc_equal(get(out[0], "python_exception"), exc));
        CHECK(good, "%s case %zu: got %s", label, i + 1,
              nout && out[0] && cJSON_IsString(out[0]) ? out[0]->valuestring : "(other)");
        ok += (size_t)good;
        ran++;
        tc_free(out, nout);
        sg_buf_free(&in);
    }
    printf("  %s: %zu/%zu exact (%.2f %%)\n", label, ok, ran, ran ? 100.0 * (double)ok / (double)ran : 0.0);
    CHECK(ran > 0, "%s: no case could run (missing builds?)", label);
}

static void frame_input(const cJSON *c, sg_buf *b) { tc_dump(b, get(c, "frame")); }

/* normalize_cpp_function(f, line) / normalize_rust_function(f, line) as a frame: a file
 * ending in .rs under an absolute path selects the Rust rules. */
static void function_input(const cJSON *c, sg_buf *b)
{
    const cJSON *kind = get(c, "kind");
    int rust = kind && strstr(kind->valuestring, "rust") != NULL;
    sg_buf_adds(b, "{\"function\": ");
    tc_dump(b, get(c, "function"));
    sg_buf_adds(b, ", \"line\": ");
    tc_dump(b, get(c, "line"));
    if (rust)
        sg_buf_adds(b, ", \"file\": \"/src/lib.rs\"");
    sg_buf_addc(b, '}');
}

static void walk_input(const cJSON *c, sg_buf *b)
{
    sg_buf_adds(b, "{\"frames\": ");
    tc_dump(b, get(c, "frames"));
    sg_buf_adds(b, ", \"crashing_thread\": ");
    tc_dump(b, get(c, "crashing_thread"));
    if (get(c, "conditional_sentinels")) {
        sg_buf_adds(b, ", \"conditional_sentinels\": ");
        tc_dump(b, get(c, "conditional_sentinels"));
    } else {
        conditional_sentinels(c, b);
    }
    sg_buf_addc(b, '}');
}

/* One batch for the big corpus file: a process per case would be slow. */
SG_SUITE(normalize_corpus)
{
    const char *signify = t_path("SG_SOCORRO_BUILD", "signify");
    const char *path = t_path("SG_SHARED", "corpus/normalize/frames.jsonl");
    if (!signify || !path) {
        t_skip("corpus/normalize/frames.jsonl or the Socorro-lists build is missing");
        return;
    }
    size_t n, nout;
    cJSON **cases = tc_load(path, &n);
    sg_buf in;
    sg_buf_init(&in);
    for (size_t i = 0; i < n; i++) {
        frame_input(cases[i], &in);
        sg_buf_addc(&in, '\n');
    }
    char cmd[1024];
    int status;
    snprintf(cmd, sizeof cmd, "%s --normalize", signify);
    cJSON **out = tc_run_lines(cmd, &in, &nout, &status);
    CHECK(nout == n, "%zu output lines for %zu frames", nout, n);
    size_t ok = 0;
    for (size_t i = 0; i < n && i < nout; i++) {
        const cJSON *want = get(cases[i], "normalized"), *exc = get(cases[i], "python_exception");
        int good = out[i] && (want ? tc_equal(out[i], want)
                                   : exc && tc_equal(get(out[i], "python_exception"), exc));
        if (!good)
            CHECK(0, "frames.jsonl case %zu: want %s", i + 1, want ? want->valuestring : exc->valuestring);
        ok += (size_t)good;
    }
    printf("  normalize/frames.jsonl: %zu/%zu exact (%.2f %%)\n", ok, n, n ? 100.0 * (double)ok / (double)n : 0.0);
    CHECK(ok == n, "%zu frames differ", n - ok);
    sg_buf_free(&in);
    tc_free(cases, n);
    tc_free(out, nout);
}

static void harvested(const char *rel, const char *mode, void (*input_of)(const cJSON *, sg_buf *),
                      const char *want_key)
{
    const char *path = t_path("SG_SHARED", rel);
    if (!path || !t_env("SG_HARVEST_BUILD")) {
        t_skip("%s or the harvested-lists builds are missing", rel);
        return;
    }
    size_t n;
    cJSON **cases = tc_load(path, &n);
    run_cases(rel, cases, n, mode, input_of, want_key);
    tc_free(cases, n);
}

SG_SUITE(normalize_harvested)
{
    harvested("corpus/harvested/normalize.jsonl", "--normalize", frame_input, "normalized");
}

SG_SUITE(normalize_function_harvested)
{
    harvested("corpus/harvested/function.jsonl", "--normalize", function_input, "normalized");
}

SG_SUITE(walk_harvested)
{
    harvested("corpus/harvested/walk.jsonl", "--walk", walk_input, "signature");
}

/* Our own cases, one rule each (tests/normalize/ (frames.jsonl, walk.jsonl); expected values from Python). */
SG_SUITE(normalize_rules)
{
    const char *files[] = { "tests/normalize/frames.jsonl", "tests/normalize/walk.jsonl" };
    const char *modes[] = { "--normalize", "--walk" };
    for (int f = 0; f < 2; f++) {
        size_t n;
        cJSON **cases = tc_load(files[f], &n);
        if (!cases || !n) {
            CHECK(0, "%s is missing", files[f]);
            continue;
        }
        run_cases(files[f], cases, n, modes[f], f ? walk_input : frame_input, f ? "signature" : "normalized");
        tc_free(cases, n);
    }
}

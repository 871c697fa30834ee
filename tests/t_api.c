/* t_api.c — the public C API (tests stage): contexts, errors as values, and the plain-struct
 * entry points giving exactly what the JSON entry point gives for the same frames. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus.h"
#include "csiggen.h"
#include "json_read.h"
#include "pyval.h"
#include "testlib.h"

static sg_value str_value(const char *s) { return (sg_value){ s ? SG_STR : SG_ABSENT, s, s ? strlen(s) : 0 }; }

SG_SUITE(api_basics)
{
    sg_ctx *ctx = sg_ctx_new(NULL);
    CHECK(ctx != NULL, "sg_ctx_new");
    sg_output o;
    sg_error e;
    CHECK(sg_generate(ctx, "{\"threads\": [", 13, 0, &o, &e) == SG_EJSON &&
              strstr(e.msg, "Expecting value: line 1 column 14 (char 13)"),
          "bad JSON is SG_EJSON with Python's message (%s)", e.msg);
    CHECK(sg_generate(NULL, "{}", 2, 0, &o, &e) == SG_EINVAL, "NULL context is SG_EINVAL");
    CHECK(sg_generate(ctx, "{}", 2, SG_VERBOSE, &o, &e) == SG_OK && o.n_debug > 0 &&
              !strcmp(o.signature.s, "EMPTY: no frame data available"),
          "an empty crash: EMPTY signature and a debug log when verbose");
    CHECK(!strcmp(sg_status_name(SG_ELIMIT), "limit exceeded"), "sg_status_name");
    CHECK(!strcmp(sg_version(), SG_VERSION_STRING), "sg_version");
    /* normalize_frame through structs; expected values from Python's normalize_frame */
    sg_frame f;
    memset(&f, 0, sizeof f);
    f.function = str_value("void foo::bar(int) const");
    sg_string s;
    CHECK(sg_normalize(ctx, &f, &s, &e) == SG_OK && !strcmp(s.s, "foo::bar"), "C++ rules: %s", s.s);
    memset(&f, 0, sizeof f);
    f.offset = str_value("0x00000000000032ec0");
    CHECK(sg_normalize(ctx, &f, &s, &e) == SG_OK && !strcmp(s.s, "@0x32ec0"), "offset: %s", s.s);
    memset(&f, 0, sizeof f);
    f.function = str_value("const");
    CHECK(sg_normalize(ctx, &f, &s, &e) == SG_EINVAL && strstr(e.msg, "IndexError"),
          "a function that is only const raises IndexError in Python (%s)", e.msg);
    sg_ctx_free(ctx);
}

/* Whole numbers past long long: a processed crash's int(1e300) for oom_allocation_size, and
 * numbers without a lexeme in a caller's tree (json_read.h: a whole double). Expected values
 * from Socorro's reference on the same crashes (the tree as crash_data with Python ints). */
SG_SUITE(api_big_whole_numbers)
{
    sg_ctx *ctx = sg_ctx_new(NULL);
    sg_output o;
    sg_error e;
    static const struct { const char *in, *sig; } cases[] = {
        { "{\"oom_allocation_size\": 1e300, \"json_dump\": {}}", "OOM | large | EMPTY: no frame data available" },
        { "{\"oom_allocation_size\": -1e300, \"json_dump\": {}}", "OOM | small" },
        { "{\"oom_allocation_size\": 1e20, \"json_dump\": {}}", "OOM | large | EMPTY: no frame data available" },
        { "{\"oom_allocation_size\": 9.3e18, \"json_dump\": {}}", "OOM | large | EMPTY: no frame data available" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        CHECK(sg_generate(ctx, cases[i].in, strlen(cases[i].in), 0, &o, &e) == SG_OK &&
                  !strcmp(o.signature.s, cases[i].sig),
              "%s: %s", cases[i].in, o.signature.s);
    cJSON *tree = cJSON_CreateObject();
    cJSON_AddNumberToObject(tree, "oom_allocation_size", 1e20);
    cJSON_AddNumberToObject(tree, "hang", 1e20);
    cJSON_AddNumberToObject(tree, "crashing_thread", 1e20);
    cJSON_AddArrayToObject(tree, "threads");
    CHECK(sg_generate_tree(ctx, tree, 0, &o, &e) == SG_OK &&
              !strcmp(o.signature.s, "hang: 100000000000000000000 | OOM | large | EMPTY: no frame data available"),
          "a caller's 1e20: %s", o.signature.s);
    CHECK(o.n_notes == 1 &&
              !strcmp(o.notes[0].s, "SignatureGenerationRule: CSignatureTool: no frame data for crashing thread "
                                    "(100000000000000000000)"),
          "its note names every digit: %s", o.n_notes ? o.notes[0].s : "none");
    cJSON_Delete(tree);
    sg_ctx_free(ctx);
}

/* A JSON frame whose fields are str/int/None becomes an sg_frame. */
static int to_frame(const cJSON *j, sg_frame *f, sg_arena *store)
{
    static const char *const keys[] = { "module", "function", "file", "line", "module_offset", "offset" };
    sg_value *fields[] = { &f->module, &f->function, &f->file, &f->line, &f->module_offset, &f->offset };
    memset(f, 0, sizeof *f);
    for (int k = 0; k < 6; k++) {
        const cJSON *v = sg_py_dict_get(j, keys[k], strlen(keys[k]));
        if (!v)
            continue;
        if (cJSON_IsString(v))
            *fields[k] = (sg_value){ SG_STR, v->valuestring, sg_py_strlen(v) };
        else if (cJSON_IsNull(v))
            *fields[k] = (sg_value){ SG_NONE, "None", 4 };
        else if (cJSON_IsNumber(v) && !v->valuestring) {
            char *t = sg_arena_alloc(store, 32);
            snprintf(t, 32, "%.0f", v->valuedouble);
            *fields[k] = (sg_value){ SG_INT, t, strlen(t) };
        } else
            return 0;
    }
    return !sg_py_dict_get(j, "inlines", 7) && !sg_py_dict_get(j, "unloaded_modules", 16);
}

SG_SUITE(api_frames_equal_json)
{
    const char *path = t_path("SG_SHARED", "corpus/crashes/synthetic.jsonl");
    if (!path) {
        t_skip("corpus/crashes/synthetic.jsonl is missing");
        return;
    }
    size_t n, compared = 0, same = 0;
    cJSON **cases = tc_load(path, &n);
    sg_ctx *a = sg_ctx_new(NULL), *b = sg_ctx_new(NULL);
    for (size_t i = 0; i < n && i < 1000; i++) {
        const cJSON *in = sg_py_dict_get(cases[i], "input", 5);
        const cJSON *threads = sg_py_dict_get(in, "threads", 7);
        const cJSON *ct = sg_py_dict_get(in, "crashing_thread", 15);
        if (!cJSON_IsArray(threads) || !cJSON_IsNumber(ct) || ct->valuestring)
            continue;
        const cJSON *t = cJSON_GetArrayItem(threads, (int)ct->valuedouble);
        const cJSON *frames = t ? sg_py_dict_get(t, "frames", 6) : NULL;
        if (!cJSON_IsArray(frames))
            continue;
        size_t nf = (size_t)cJSON_GetArraySize(frames), k = 0;
        sg_frame *fs = calloc(nf + 1, sizeof *fs);
        sg_arena ints;
        sg_arena_init(&ints, 0);
        int ok = 1;
        const cJSON *fr;
        cJSON_ArrayForEach(fr, frames) {
            ok = ok && cJSON_IsObject(fr) && to_frame(fr, &fs[k], &ints);
            k++;
        }
        const cJSON *os = sg_py_dict_get(in, "os", 2);
        int windows = os && cJSON_IsString(os) && !strcmp(os->valuestring, "Windows NT");
        if (ok) {
            /* the same crash as JSON: thread 0 holding these frames */
            sg_buf j;
            sg_buf_init(&j);
            sg_buf_adds(&j, windows ? "{\"os\": \"Windows NT\", \"crashing_thread\": 0, \"threads\": [{\"frames\": "
                                    : "{\"crashing_thread\": 0, \"threads\": [{\"frames\": ");
            tc_dump(&j, frames);
            sg_buf_adds(&j, "}]}");
            sg_output o1, o2;
            sg_error e1, e2;
            sg_status s1 = sg_generate_frames(a, fs, nf, windows, 0, &o1, &e1);
            sg_status s2 = sg_generate(b, j.p, j.len, 0, &o2, &e2);
            int eq = s1 == s2 && s1 == SG_OK && o1.signature.len == o2.signature.len &&
                     !memcmp(o1.signature.s, o2.signature.s, o1.signature.len) &&
                     o1.n_frames == o2.n_frames;
            for (size_t x = 0; eq && x < o1.n_frames; x++)
                eq = o1.normalized_frames[x].len == o2.normalized_frames[x].len &&
                     !memcmp(o1.normalized_frames[x].s, o2.normalized_frames[x].s, o1.normalized_frames[x].len);
            same += (size_t)eq;
            compared++;
            sg_buf_free(&j);
        }
        sg_arena_free(&ints);
        free(fs);
    }
    CHECK(compared > 50, "enough crashes with plain frames to compare (%zu)", compared);
    CHECK(same == compared, "sg_generate_frames differs from sg_generate on %zu of %zu", compared - same, compared);
    sg_ctx_free(a);
    sg_ctx_free(b);
    tc_free(cases, n);
}

/* Distinct contexts on distinct threads give what one thread gives (no global state). */
typedef struct job {
    sg_buf *docs;
    size_t n;
    char **sigs;
} job;

static void *run_job(void *arg)
{
    job *j = arg;
    sg_ctx *ctx = sg_ctx_new(NULL);
    for (size_t i = 0; i < j->n; i++) {
        sg_output o;
        sg_error e;
        j->sigs[i] = sg_generate(ctx, j->docs[i].p, j->docs[i].len, 0, &o, &e) == SG_OK
                         ? strdup(o.signature.s)
                         : strdup("(error)");
    }
    sg_ctx_free(ctx);
    return NULL;
}

SG_SUITE(api_threads)
{
    const char *path = t_path("SG_SHARED", "corpus/crashes/synthetic.jsonl");
    if (!path) {
        t_skip("corpus/crashes/synthetic.jsonl is missing");
        return;
    }
    size_t total, n;
    cJSON **cases = tc_load(path, &total);
    n = total > 400 ? 400 : total;
    sg_buf *docs = calloc(n, sizeof *docs);
    for (size_t i = 0; i < n; i++)
        tc_dump(&docs[i], sg_py_dict_get(cases[i], "input", 5));
    job jobs[3];
    pthread_t th[2];
    for (int k = 0; k < 3; k++) {
        jobs[k].docs = docs;
        jobs[k].n = n;
        jobs[k].sigs = calloc(n, sizeof(char *));
    }
    run_job(&jobs[0]);
    int started = pthread_create(&th[0], NULL, run_job, &jobs[1]) == 0 &&
                  pthread_create(&th[1], NULL, run_job, &jobs[2]) == 0;
    CHECK(started, "two threads started");
    if (started) {
        pthread_join(th[0], NULL);
        pthread_join(th[1], NULL);
        size_t same = 0;
        for (size_t i = 0; i < n; i++)
            same += !strcmp(jobs[0].sigs[i], jobs[1].sigs[i]) && !strcmp(jobs[0].sigs[i], jobs[2].sigs[i]);
        CHECK(same == n, "two concurrent threads agree with one on %zu of %zu crashes", same, n);
    }
    for (int k = 0; k < 3; k++) {
        for (size_t i = 0; i < n; i++)
            free(jobs[k].sigs[i]);
        free(jobs[k].sigs);
    }
    for (size_t i = 0; i < n; i++)
        sg_buf_free(&docs[i]);
    free(docs);
    tc_free(cases, total);
}

/* Thread 0 is built only when a rule reaches it: a shutdown hang (RunWatchdog in the
 * crashing thread's signature) makes SignatureRunWatchDog re-sign from thread 0, and
 * sg_generate must give what a run on the fully built tree gives. */
SG_SUITE(api_thread0_on_demand)
{
    static const char crash[] =
        "{\"crashing_thread\": 1, \"threads\": ["
        "{\"frames\": [{\"function\": \"mozilla::SpinEventLoopUntil(int)\"}, {\"function\": \"main\"}]},"
        "{\"frames\": [{\"function\": \"mozilla::(anonymous namespace)::RunWatchdog(void*)\"}]}]}";
    sg_ctx *ctx = sg_ctx_new(NULL);
    sg_output o;
    sg_error e;
    CHECK(sg_generate(ctx, crash, strlen(crash), 0, &o, &e) == SG_OK, "sg_generate: %s", e.msg);
    char *lazy = strdup(o.signature.s);
    sg_error pe;
    cJSON *tree = sg_json_parse(crash, strlen(crash), NULL, &pe);
    CHECK(tree && sg_generate_tree(ctx, tree, 0, &o, &e) == SG_OK, "sg_generate_tree: %s", e.msg);
    CHECK(!strcmp(lazy, o.signature.s), "thread 0 on demand: \"%s\", full tree: \"%s\"", lazy,
          o.signature.s);
    CHECK(!strncmp(lazy, "shutdownhang | ", 15) && strstr(lazy, "SpinEventLoopUntil"),
          "the shutdown hang is signed from thread 0: %s", lazy);
    free(lazy);
    cJSON_Delete(tree);
    sg_ctx_free(ctx);
}

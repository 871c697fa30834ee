/* t_reader.c — the crash-JSON reader (tests stage): json.loads semantics (values and error
 * messages Python gave for the same inputs, written here as literals), the limits, and the
 * lazy crash reader agreeing with the full parse on every thread a rule can read. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus.h"
#include "json_read.h"
#include "normalize.h"
#include "pyval.h"
#include "testlib.h"

static const cJSON *get(const cJSON *o, const char *k) { return sg_py_dict_get(o, k, strlen(k)); }

/* str() of the parsed value, as Python prints it, or "ERR: <message>" */
static char *py(const char *json)
{
    sg_error e;
    cJSON *v = sg_json_parse(json, strlen(json), NULL, &e);
    sg_buf b;
    sg_buf_init(&b);
    if (v)
        sg_py_repr(&b, v);
    else {
        sg_buf_adds(&b, "ERR: ");
        sg_buf_adds(&b, e.msg);
    }
    cJSON_Delete(v);
    char *s = strdup(sg_buf_cstr(&b));
    sg_buf_free(&b);
    return s;
}

SG_SUITE(reader_python)
{
    /* input, and repr(json.loads(input)) or the JSONDecodeError text Python 3.11 printed */
    static const char *const cases[][2] = {
        { "{\"a\": 1, \"b\": 2, \"a\": 3}", "{'a': 3, 'b': 2}" },
        { "[1.0, 2e5, 1E400, -0.0, 12345678901234567890, -0]", "[1.0, 200000.0, inf, -0.0, 12345678901234567890, 0]" },
        { "[NaN, Infinity, -Infinity]", "[nan, inf, -inf]" },
        { "\"a\\u0000b\"", "'a\\x00b'" },
        { "\"\\ud83d\\ude00 \\u00e9\"", "'\xf0\x9f\x98\x80 \xc3\xa9'" },
        { "[true, false, null, \"it's\"]", "[True, False, None, \"it's\"]" },
        { "  {\"k\" : [ ] }  ", "{'k': []}" },
        { "[1,2,", "ERR: Expecting value: line 1 column 6 (char 5)" },
        { "{\"a\" 1}", "ERR: Expecting ':' delimiter: line 1 column 6 (char 5)" },
        { "{\"a\":1,}", "ERR: Expecting property name enclosed in double quotes: line 1 column 8 (char 7)" },
        { "[01]", "ERR: Expecting ',' delimiter: line 1 column 3 (char 2)" },
        { "[1] x", "ERR: Extra data: line 1 column 5 (char 4)" },
        { "\"\xc3\xa9\\q\"", "ERR: Invalid \\escape: line 1 column 3 (char 2)" },
        { "{\"x\":\"\xc3\xa9", "ERR: Unterminated string starting at: line 1 column 6 (char 5)" },
        { "\"a\tb\"", "ERR: Invalid control character at: line 1 column 3 (char 2)" },
        { "\n\n  [", "ERR: Expecting value: line 3 column 4 (char 5)" },
        { "", "ERR: Expecting value: line 1 column 1 (char 0)" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *got = py(cases[i][0]);
        CHECK(strcmp(got, cases[i][1]) == 0, "json.loads(%s): want %s, got %s", cases[i][0],
              cases[i][1], got);
        free(got);
    }
    /* the last of duplicate keys wins, at the first key's place (dict order) */
    sg_error e;
    cJSON *d = sg_json_parse("{\"t\": 1, \"u\": 2, \"t\": [3]}", 26, NULL, &e);
    CHECK(d && d->child && !strcmp(d->child->string, "t") && cJSON_IsArray(d->child),
          "duplicate key keeps the first position with the last value");
    cJSON_Delete(d);
    static const char bad_utf8[] = "{\"a\": \"\xff\"}";
    d = sg_json_parse(bad_utf8, sizeof bad_utf8 - 1, NULL, &e);
    CHECK(!d && e.code == SG_EJSON && strstr(e.msg, "can't decode byte 0xff in position 7"),
          "invalid UTF-8 is an error naming the byte and position (%s)", e.msg);
}

SG_SUITE(reader_limits)
{
    sg_limits lim;
    sg_limits_default(&lim);
    sg_error e;
    size_t depth = 100000;
    char *deep = malloc(depth + 1);
    memset(deep, '[', depth);
    deep[depth] = 0;
    cJSON *v = sg_json_parse(deep, depth, &lim, &e);
    CHECK(!v && e.code == SG_ELIMIT && strstr(e.msg, "1000-level"), "100000 nested lists: %s", e.msg);
    free(deep);
    lim.max_string = 4;
    v = sg_json_parse("[\"abcdef\"]", 10, &lim, &e);
    CHECK(!v && e.code == SG_ELIMIT && strstr(e.msg, "4-byte limit"), "string limit: %s", e.msg);
    sg_limits_default(&lim);
    lim.max_input = 5;
    v = sg_json_parse("[1, 2, 3]", 9, &lim, &e);
    CHECK(!v && e.code == SG_ELIMIT, "input limit: %s", e.msg);
    /* frames beyond max_frames are validated but not kept, in the crash reader only */
    sg_limits_default(&lim);
    lim.max_frames = 2;
    const char *crash = "{\"threads\": [{\"frames\": [{}, {}, {}, {}]}]}";
    v = sg_json_read_crash(crash, strlen(crash), &lim, &e);
    const cJSON *frames = v ? get(get(v, "threads")->child, "frames") : NULL;
    CHECK(frames && cJSON_GetArraySize(frames) == 2, "crash reader keeps max_frames frames");
    cJSON_Delete(v);
    v = sg_json_parse(crash, strlen(crash), &lim, &e);
    frames = v ? get(get(v, "threads")->child, "frames") : NULL;
    CHECK(frames && cJSON_GetArraySize(frames) == 4, "the full parse keeps every frame");
    cJSON_Delete(v);
    const char *broken = "{\"threads\": [{}, {\"frames\": [1, 2,]}], \"crashing_thread\": 0}";
    v = sg_json_read_crash(broken, strlen(broken), NULL, &e);
    CHECK(!v && e.code == SG_EJSON, "a thread no rule reads is still validated: %s", e.msg);

    /* frame keys no built-in reads are validated but not built, inline frames' too */
    const char *pruned = "{\"threads\": [{\"frames\": [{\"trust\": \"cfi\", \"function\": \"e\", "
                         "\"inlines\": [{\"function\": \"g\", \"x\": [1]}], \"line\": 3, \"function\": \"f\"}], "
                         "\"n\": 1}]}";
    v = sg_json_read_crash(pruned, strlen(pruned), NULL, &e);
    sg_buf b;
    sg_buf_init(&b);
    if (v)
        sg_py_repr(&b, v);
    CHECK(v && strcmp(sg_buf_cstr(&b), "{'threads': [{'frames': [{'function': 'f', 'inlines': "
                                       "[{'function': 'g'}], 'line': 3}], 'n': 1}]}") == 0,
          "pruned frame keys: %s", sg_buf_cstr(&b));
    sg_buf_free(&b);
    cJSON_Delete(v);
    /* json_dump keeps only what convert_to_crash_data reads */
    const char *dump = "{\"json_dump\": {\"modules\": [{\"filename\": \"a.dll\"}], \"crash_info\": "
                       "{\"type\": \"X\"}, \"system_info\": {\"os\": \"Linux\"}, \"threads\": []}}";
    v = sg_json_read_crash(dump, strlen(dump), NULL, &e);
    sg_buf_init(&b);
    if (v)
        sg_py_repr(&b, v);
    CHECK(v && strcmp(sg_buf_cstr(&b), "{'json_dump': {'crash_info': {'type': 'X'}, 'system_info': "
                                       "{'os': 'Linux'}, 'threads': []}}") == 0,
          "pruned json_dump: %s", sg_buf_cstr(&b));
    sg_buf_free(&b);
    cJSON_Delete(v);
    const char *bad_key = "{\"threads\": [{\"frames\": [{\"trust\": [1, 2,]}]}]}";
    v = sg_json_read_crash(bad_key, strlen(bad_key), NULL, &e);
    CHECK(!v && e.code == SG_EJSON && strstr(e.msg, "Expecting value") != NULL,
          "an unbuilt frame key is still validated: %s", v ? "parsed" : e.msg);
}

/* A full parse's frames as the crash reader builds them: only the keys built-ins read. */
static void prune_frames(cJSON *frames)
{
    if (!cJSON_IsArray(frames))
        return;
    cJSON *fr;
    cJSON_ArrayForEach(fr, frames) {
        if (!cJSON_IsObject(fr))
            continue;
        for (cJSON *c = fr->child, *next; c; c = next) {
            next = c->next;
            int field = sg_frame_field_of(c->string);
            /* no rule reads module_offset either: the reader validates it, builds nothing */
            if (field < 0 || field == SG_F_MODULE_OFFSET)
                cJSON_Delete(cJSON_DetachItemViaPointer(fr, c));
            else if (field == SG_F_INLINES)
                prune_frames(c);
        }
    }
}

static void prune_thread(cJSON *t)
{
    cJSON *frames = NULL, *c;
    if (!cJSON_IsObject(t))
        return;
    cJSON_ArrayForEach(c, t)
        if (strcmp(c->string, "frames") == 0)
            frames = c; /* the last duplicate, as a dict keeps */
    prune_frames(frames);
}

/* The lazy reader builds thread 0 and the crashing thread exactly as the full parse does,
 * less the frame keys no built-in reads. */
SG_SUITE(reader_lazy_threads)
{
    const char *files[] = { "corpus/crashes/synthetic.jsonl", "corpus/crashes/adversarial.jsonl",
                            "corpus/crashes/processed.jsonl" };
    for (int f = 0; f < 3; f++) {
        const char *path = t_path("SG_SHARED", files[f]);
        if (!path) {
            t_skip("%s is missing", files[f]);
            continue;
        }
        size_t n, same = 0;
        cJSON **cases = tc_load(path, &n);
        for (size_t i = 0; i < n; i++) {
            sg_buf in;
            sg_buf_init(&in);
            tc_dump(&in, get(cases[i], "input"));
            sg_error e1, e2;
            cJSON *lazy = sg_json_read_crash(in.p, in.len, NULL, &e1);
            cJSON *full = sg_json_parse(in.p, in.len, NULL, &e2);
            int ok = (lazy == NULL) == (full == NULL);
            if (ok && lazy && cJSON_IsObject(lazy)) {
                const cJSON *holder = get(lazy, "json_dump") ? get(lazy, "json_dump") : lazy;
                const cJSON *fholder = get(full, "json_dump") ? get(full, "json_dump") : full;
                const cJSON *lt = get(holder, "threads"), *ft = get(fholder, "threads");
                if (cJSON_IsArray(lt)) {
                    int ct = 0;
                    const cJSON *c = get(get(lazy, "json_dump") ? get(holder, "crash_info") : lazy,
                                         "crashing_thread");
                    if (cJSON_IsNumber(c) && !c->valuestring && c->valuedouble >= 0 &&
                        c->valuedouble < 1e6)
                        ct = (int)c->valuedouble;
                    int nt = cJSON_GetArraySize(lt);
                    prune_thread(cJSON_GetArrayItem(ft, 0));
                    if (ct > 0 && ct < nt)
                        prune_thread(cJSON_GetArrayItem(ft, ct));
                    ok = nt == cJSON_GetArraySize(ft) &&
                         tc_equal(cJSON_GetArrayItem(lt, 0), cJSON_GetArrayItem(ft, 0)) &&
                         (ct >= nt || tc_equal(cJSON_GetArrayItem(lt, ct), cJSON_GetArrayItem(ft, ct)));
                }
            }
            same += (size_t)ok;
            cJSON_Delete(lazy);
            cJSON_Delete(full);
            sg_buf_free(&in);
        }
        CHECK(same == n, "%s: the lazy reader differs on %zu crashes", files[f], n - same);
        tc_free(cases, n);
    }
}

/* A frame's keys are matched in place when they are the usual ones (json_read.c
 * usual_frame_key) and read the long way otherwise: escaped, cut, longer, a prefix, another
 * case, holding NUL, repeated, or the document ending inside one. The crash reader's frames
 * are the full parse's, less the keys no built-in reads, and its errors the full parse's. */
SG_SUITE(reader_frame_key_forms)
{
    static const char *keys[] = { "module", "modul\\u0065", "module_offse\\u0074", "mod", "modules",
                                  "module_offsetX", "functions", "function_offse", "fil", "lin", "lines",
                                  "offse", "offsets", "trus", "trusts", "inline", "inlinesX", "frame_",
                                  "\\u0000module", "module\\u0000", "Module", "FUNCTION", "" };
    static const char frame[] =
        "{\"frame\": 0, \"%s\": \"a.dll\", \"module_offset\": \"0x1\", \"offset\": \"0x2\", "
        "\"trust\": \"cfi\", \"function\": \"f(int)\", \"file\": \"a.cpp\", \"line\": 3, "
        "\"function_offset\": \"0x3\", \"function\": \"g\", \"inlines\": [{\"%s\": \"h\", \"line\": 4}]}";
    size_t tried = 0, differ = 0;
    char first[1024] = "";
    for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
        char doc[1024];
        int n = snprintf(doc, sizeof doc, "{\"crashing_thread\": 0, \"threads\": [{\"frames\": [");
        n += snprintf(doc + n, sizeof doc - (size_t)n, frame, keys[k], keys[k]);
        n += snprintf(doc + n, sizeof doc - (size_t)n, "]}]}");
        /* the whole document, then cut short at every byte of the frame */
        size_t from = (size_t)(strstr(doc, "[{") - doc);
        for (size_t step = 0; step <= (size_t)n - from; step++) {
            size_t len = step == 0 ? (size_t)n : from + step - 1;
            sg_error e1, e2;
            cJSON *lazy = sg_json_read_crash(doc, len, NULL, &e1);
            cJSON *full = sg_json_parse(doc, len, NULL, &e2);
            int same = (lazy == NULL) == (full == NULL);
            if (same && lazy) {
                cJSON *ft = cJSON_GetArrayItem(get(full, "threads"), 0);
                prune_thread(ft);
                same = tc_equal(cJSON_GetArrayItem(get(lazy, "threads"), 0), ft);
            } else if (same) {
                same = e1.code == e2.code && e1.col == e2.col && strcmp(e1.msg, e2.msg) == 0;
            }
            tried++;
            if (!same && !differ++)
                snprintf(first, sizeof first, "key \"%s\", %zu bytes: %s / %s", keys[k], len,
                         lazy ? "ok" : e1.msg, full ? "ok" : e2.msg);
            cJSON_Delete(lazy);
            cJSON_Delete(full);
        }
    }
    CHECK(differ == 0, "%zu of %zu frame documents differ; first: %s", differ, tried, first);
    CHECK(tried > 1000, "every key variant and cut tried (%zu)", tried);
}

/* The crash reader skips most of a document with a fast validator and falls back to the
 * full reader only where that one refuses: on corpus crashes cut short or with one byte
 * changed, both readers must accept or refuse alike, with the same error. */
SG_SUITE(reader_fast_skip)
{
    static const char bytes[] = { '"', '\\', '\x01', '{', '}', '[', ']', ',', ':', '0', '-', 'e', 'x',
                                  (char)0xC3, ' ', 'n', '.' };
    const char *files[] = { "corpus/crashes/synthetic.jsonl", "corpus/crashes/adversarial.jsonl",
                            "corpus/crashes/processed.jsonl" };
    size_t tried = 0, differ = 0, refused = 0;
    sg_arena arena;
    sg_arena_init(&arena, 0);
    char first[1024] = "";
    for (int f = 0; f < 3; f++) {
        const char *path = t_path("SG_SHARED", files[f]);
        if (!path) {
            t_skip("%s is missing", files[f]);
            continue;
        }
        size_t n;
        cJSON **cases = tc_load(path, &n);
        for (size_t i = 0; i < n && i < 40; i++) {
            sg_buf in;
            sg_buf_init(&in);
            tc_dump(&in, get(cases[i], "input"));
            char *doc = malloc(in.len + 1);
            for (size_t k = 0; k < 30 && in.len; k++) {
                size_t at = (k * 7919 + i * 104729) % in.len;
                for (size_t b = 0; b <= sizeof bytes; b++) {
                    memcpy(doc, in.p, in.len);
                    size_t len = in.len;
                    if (b == sizeof bytes)
                        len = at; /* cut short */
                    else
                        doc[at] = bytes[b];
                    sg_error e1, e2, e3;
                    cJSON *lazy = sg_json_read_crash(doc, len, NULL, &e1);
                    cJSON *full = sg_json_parse(doc, len, NULL, &e2);
                    /* the arena-backed reader builds the same tree */
                    sg_arena_reset(&arena);
                    cJSON *in_arena = sg_json_read_crash_in(&arena, doc, len, NULL, 1, &e3);
                    int same = (lazy == NULL) == (full == NULL) &&
                               (lazy || (e1.code == e2.code && strcmp(e1.msg, e2.msg) == 0)) &&
                               (in_arena == NULL) == (lazy == NULL) &&
                               (lazy ? tc_equal(lazy, in_arena) : strcmp(e1.msg, e3.msg) == 0);
                    tried++;
                    refused += lazy == NULL;
                    if (!same && !differ++)
                        snprintf(first, sizeof first, "%s #%zu byte %zu -> %zu: crash reader \"%s\", full \"%s\"",
                                 files[f], i, at, b, lazy ? "ok" : e1.msg, full ? "ok" : e2.msg);
                    cJSON_Delete(lazy);
                    cJSON_Delete(full);
                }
            }
            free(doc);
            sg_buf_free(&in);
        }
        tc_free(cases, n);
    }
    sg_arena_free(&arena);
    CHECK(differ == 0, "%zu of %zu mutated documents differ; first: %s", differ, tried, first);
    CHECK(tried == 0 || refused > tried / 4, "the mutations exercise errors (%zu of %zu refused)",
          refused, tried);
}

/* Which threads the arena reader builds (thread0 0: only those the crashing thread names),
 * whether crashing_thread comes before the threads (built as read) or after them (built
 * afterwards), duplicated, negative, a string or out of range, at the top or as a processed
 * crash's json_dump.crash_info; a built thread equals the full parse's, and an error in one
 * is the full parse's error. */
static void threads_built(sg_arena *arena, const char *doc, int dump, const char *want)
{
    sg_error e1, e2;
    sg_arena_reset(arena);
    cJSON *lazy = sg_json_read_crash_in(arena, doc, strlen(doc), NULL, 0, &e1);
    cJSON *full = sg_json_parse(doc, strlen(doc), NULL, &e2);
    const cJSON *lt = lazy ? get(dump ? get(lazy, "json_dump") : lazy, "threads") : NULL;
    const cJSON *ft = full ? get(dump ? get(full, "json_dump") : full, "threads") : NULL;
    char built[8] = "";
    int same = lt && ft;
    for (int i = 0; same && i < 4; i++) {
        const cJSON *t = cJSON_GetArrayItem(lt, i);
        built[i] = t && !(t->type & SG_CJSON_UNBUILT) ? 'y' : 'n';
        if (built[i] == 'y')
            same &= tc_equal(t, cJSON_GetArrayItem(ft, i));
    }
    CHECK(same && strcmp(built, want) == 0, "%s: built %s (want %s), equal to the full parse: %d", doc, built,
          want, same);
    cJSON_Delete(full);
}

SG_SUITE(reader_threads_order)
{
    static const char *const threads =
        "[{\"frames\": [{\"function\": \"a\"}]}, {\"frames\": [{\"function\": \"b\"}]}, "
        "{\"frames\": [{\"function\": \"c\", \"line\": 7}]}, {\"frames\": []}]";
    static const struct {
        const char *before, *after, *built; /* built: a character per thread, 'y' or 'n' */
    } cases[] = {
        { "\"crashing_thread\": 2", "", "nnyn" },
        { "", "\"crashing_thread\": 2", "nnyn" },
        { "\"crashing_thread\": 1", "\"crashing_thread\": 3", "nyny" }, /* 1 built as read */
        { "\"crashing_thread\": -1", "", "nnny" },
        { "\"crashing_thread\": \" 2 \"", "", "nnyn" },
        { "\"crashing_thread\": 9", "", "nnnn" },
        { "\"crashing_thread\": 0", "", "ynnn" },
    };
    sg_arena arena;
    sg_arena_init(&arena, 0);
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        const char *b = cases[c].before, *a = cases[c].after;
        char doc[1200];
        snprintf(doc, sizeof doc, "{%s%s\"threads\": %s%s%s}", b, *b ? ", " : "", threads, *a ? ", " : "", a);
        threads_built(&arena, doc, 0, cases[c].built);
        snprintf(doc, sizeof doc, "{\"json_dump\": {%s%s%s\"threads\": %s%s%s%s}}", *b ? "\"crash_info\": {" : "",
                 b, *b ? "}, " : "", threads, *a ? ", \"crash_info\": {" : "", a, *a ? "}" : "");
        threads_built(&arena, doc, 1, cases[c].built);
    }
    /* an error inside the thread built as read is worded as the full parse words it */
    const char *bad = "{\"crashing_thread\": 1, \"threads\": [{}, {\"frames\": [{\"function\": \"x\" \"y\"}]}]}";
    sg_error e1, e2;
    sg_arena_reset(&arena);
    cJSON *lazy = sg_json_read_crash_in(&arena, bad, strlen(bad), NULL, 0, &e1);
    cJSON *full = sg_json_parse(bad, strlen(bad), NULL, &e2);
    CHECK(!lazy && !full && strcmp(e1.msg, e2.msg) == 0 && e1.col == e2.col, "the same error: \"%s\" / \"%s\"",
          e1.msg, e2.msg);
    sg_arena_free(&arena);
}

/* A thread's frames past max_frames are skipped in one go (sg_json_skip_rest): the frames
 * kept, what follows the list, and an error anywhere in the skipped frames, as the full parse
 * words it. */
SG_SUITE(reader_frames_past_max)
{
    sg_limits lim;
    sg_limits_default(&lim);
    lim.max_frames = 3;
    for (int bad = -1; bad < 12; bad++) {
        sg_buf b;
        sg_buf_init(&b);
        sg_buf_adds(&b, "{\"crashing_thread\": 0, \"threads\": [{\"frames\": [");
        for (int k = 0; k < 12; k++) {
            char fr[128];
            snprintf(fr, sizeof fr, "%s{\"function\": \"f%d\", \"line\": %d%s}", k ? ", " : "", k, k,
                     k == bad ? ", \"x\": [1,}" : "");
            sg_buf_adds(&b, fr);
        }
        sg_buf_adds(&b, "], \"after\": true}]}");
        sg_error e1, e2;
        cJSON *lazy = sg_json_read_crash(b.p, b.len, &lim, &e1);
        cJSON *full = sg_json_parse(b.p, b.len, &lim, &e2);
        if (bad < 0) {
            const cJSON *t = cJSON_GetArrayItem(get(lazy, "threads"), 0);
            CHECK(lazy && cJSON_GetArraySize(get(t, "frames")) == 3 && cJSON_IsTrue(get(t, "after")),
                  "three frames kept, and the key after the list read");
        } else {
            CHECK(!lazy && !full && strcmp(e1.msg, e2.msg) == 0 && e1.col == e2.col,
                  "an error in frame %d: \"%s\" at %ld, full parse \"%s\" at %ld", bad, e1.msg, e1.col, e2.msg, e2.col);
        }
        cJSON_Delete(lazy);
        cJSON_Delete(full);
        sg_buf_free(&b);
    }
}

/* A frame field's key in the tree is the field name's constant: the names agree with the
 * field lookup, and trees read without an arena free without touching those keys. */
SG_SUITE(reader_frame_keys)
{
    int agree = 1;
    for (int k = 0; k < SG_F_N; k++)
        agree &= sg_frame_field_of(sg_frame_field_name[k]) == k;
    CHECK(agree, "sg_frame_field_name[k] names field k");
    static const char doc[] = "{\"crashing_thread\": 0, \"threads\": [{\"frames\": [{\"module\": \"m\", "
                              "\"function\": \"f\", \"file\": \"a.cpp\", \"line\": 3, \"trust\": \"cfi\", "
                              "\"function\": \"g\", \"inlines\": [{\"function\": \"h\"}]}]}]}";
    sg_error e;
    cJSON *t = sg_json_read_crash(doc, sizeof doc - 1, NULL, &e);
    const cJSON *fr = t ? cJSON_GetArrayItem(sg_py_dict_get(cJSON_GetArrayItem(sg_py_dict_get(t, "threads", 7), 0),
                                                            "frames", 6), 0) : NULL;
    const cJSON *fn = fr ? sg_py_dict_get(fr, "function", 8) : NULL;
    CHECK(fn && !strcmp(fn->valuestring, "g") && fn->string == sg_frame_field_name[SG_F_FUNCTION],
          "the last duplicate wins and keeps the constant key");
    CHECK(fr && !sg_py_dict_get(fr, "trust", 5) && cJSON_GetArraySize(fr) == 5,
          "a key no rule reads is not built (%d kept)", fr ? cJSON_GetArraySize(fr) : -1);
    cJSON_Delete(t); /* under ASan: a freed constant key would be reported here */
}

/* Every frame object (inlines too) of a tree: its record against a walk over its children. */
static int records_agree(const cJSON *frames, int *seen)
{
    int ok = 1;
    for (const cJSON *fr = frames ? frames->child : NULL; fr; fr = fr->next) {
        if (!cJSON_IsObject(fr))
            continue;
        const cJSON *rec[SG_F_N], *walked[SG_F_N];
        sg_frame_fields(fr, rec);
        cJSON bare = *fr; /* the same children, no record */
        bare.type &= ~SG_CJSON_FRAME_REC;
        sg_frame_fields(&bare, walked);
        ok &= memcmp(rec, walked, sizeof rec) == 0;
        *seen += (fr->type & SG_CJSON_FRAME_REC) != 0;
        ok &= records_agree(walked[SG_F_INLINES], seen);
    }
    return ok;
}

SG_SUITE(reader_frame_records)
{
    static const char *const docs[] = {
        "{\"crashing_thread\": 0, \"threads\": [{\"frames\": [{\"function\": \"f\", \"function\": 7, "
        "\"x\": 1, \"file\": null, \"inlines\": [{\"function\": \"i\", \"line\": 2, \"line\": \"3\"}, {}]}, "
        "{}, {\"module\": \"m\", \"offset\": \"0x1\", \"module\": [], \"unloaded_modules\": [{}]}, 5]}]}",
        "{\"json_dump\": {\"crash_info\": {\"crashing_thread\": 0}, \"threads\": [{\"frames\": "
        "[{\"module_offset\": \"0x2\", \"function\": \"\\u0000g\"}]}]}}",
    };
    sg_arena arena;
    sg_arena_init(&arena, 0);
    for (size_t d = 0; d < sizeof docs / sizeof docs[0]; d++)
        for (int in_arena = 0; in_arena < 2; in_arena++) {
            sg_error e;
            sg_arena_reset(&arena);
            cJSON *t = in_arena ? sg_json_read_crash_in(&arena, docs[d], strlen(docs[d]), NULL, 1, &e)
                                : sg_json_read_crash(docs[d], strlen(docs[d]), NULL, &e);
            const cJSON *root = t && get(t, "json_dump") ? get(t, "json_dump") : t;
            const cJSON *th = root ? cJSON_GetArrayItem(get(root, "threads"), 0) : NULL;
            int seen = 0;
            CHECK(t && records_agree(th ? get(th, "frames") : NULL, &seen),
                  "doc %zu (arena %d): a frame's record holds what a walk over its keys finds", d, in_arena);
            CHECK(seen == (d == 0 ? 5 : 1), "doc %zu (arena %d): %d frame objects carry a record", d,
                  in_arena, seen);
            if (!in_arena)
                cJSON_Delete(t); /* under ASan: a frame node freed as one block with its record */
        }
    sg_arena_free(&arena);
}

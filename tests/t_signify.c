/* t_signify.c — the whole pipeline through the signify tool (tests stage): every crash of
 * ../shared/corpus/crashes and the harvested whole-generator run, built against Socorro's
 * lists, must give Socorro's signature, proto_signature and normalized_frames exactly (notes
 * agreement is reported and checked too); batch-mode isolation, limits, exit codes and the
 * single-crash output format. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus.h"
#include "pyval.h"
#include "testlib.h"

static const cJSON *get(const cJSON *o, const char *k) { return sg_py_dict_get(o, k, strlen(k)); }

/* The signify of this build, or NULL, said as a skip. */
static const char *signify_path(void)
{
    const char *signify = t_path("SG_BUILD", "signify");
    if (!signify)
        t_skip("signify is missing");
    return signify;
}

/* expected[field] with Socorro's defaults: a missing proto_signature is "", frames [] */
static int field_ok(const cJSON *got, const cJSON *exp, const char *f)
{
    const cJSON *g = get(got, f), *e = get(exp, f);
    cJSON *dflt = NULL;
    if (!e)
        e = dflt = strcmp(f, "proto_signature") == 0 ? cJSON_CreateString("") : cJSON_CreateArray();
    int ok = tc_equal(g, e);
    cJSON_Delete(dflt);
    return ok;
}

static void check_corpus(const char *rel)
{
    const char *signify = t_path("SG_SOCORRO_BUILD", "signify");
    const char *path = t_path("SG_SHARED", rel);
    if (!signify || !path) {
        t_skip("%s or the build against ../shared/socorro/siglists is missing", rel);
        return;
    }
    size_t n, nout;
    cJSON **cases = tc_load(path, &n);
    sg_buf in;
    sg_buf_init(&in);
    for (size_t i = 0; i < n; i++) {
        tc_dump(&in, get(cases[i], "input"));
        sg_buf_addc(&in, '\n');
    }
    char cmd[1024];
    int status;
    snprintf(cmd, sizeof cmd, "%s --jsonl", signify);
    cJSON **out = tc_run_lines(cmd, &in, &nout, &status);
    CHECK(nout == n, "%s: %zu output lines for %zu crashes", rel, nout, n);
    size_t agree = 0, notes = 0;
    for (size_t i = 0; i < n && i < nout; i++) {
        const cJSON *exp = get(cases[i], "expected");
        int ok = out[i] && field_ok(out[i], exp, "signature") &&
                 field_ok(out[i], exp, "proto_signature") &&
                 field_ok(out[i], exp, "normalized_frames");
        if (!ok) {
            sg_buf want, got;
            sg_buf_init(&want);
            sg_buf_init(&got);
            tc_dump(&want, get(exp, "signature"));
            tc_dump(&got, out[i] ? get(out[i], "signature") : NULL);
            CHECK(0, "%s case %zu: signature %s, got %s (or proto/frames differ)", rel, i + 1,
                  sg_buf_cstr(&want), sg_buf_cstr(&got));
            sg_buf_free(&want);
            sg_buf_free(&got);
        }
        agree += (size_t)ok;
        notes += out[i] && field_ok(out[i], exp, "notes");
    }
    printf("  %s: %zu/%zu exact (%.2f %%), notes %zu/%zu (%.2f %%)\n", rel, agree, n,
           n ? 100.0 * (double)agree / (double)n : 0.0, notes, n,
           n ? 100.0 * (double)notes / (double)n : 0.0);
    CHECK(agree == n, "%s: %zu of %zu crashes differ", rel, n - agree, n);
    CHECK(notes == n, "%s: notes differ on %zu crashes", rel, n - notes);
    sg_buf_free(&in);
    tc_free(cases, n);
    tc_free(out, nout);
}

SG_SUITE(signify_synthetic) { check_corpus("corpus/crashes/synthetic.jsonl"); }
SG_SUITE(signify_adversarial) { check_corpus("corpus/crashes/adversarial.jsonl"); }
SG_SUITE(signify_processed) { check_corpus("corpus/crashes/processed.jsonl"); }

/* Socorro's own whole-generator test with its default ruleset (the other harvested runs
 * use made-up rule classes that only exist in Python). */
SG_SUITE(signify_harvested)
{
    const char *signify = t_path("SG_SOCORRO_BUILD", "signify");
    const char *path = t_path("SG_SHARED", "corpus/harvested/generate.jsonl");
    if (!signify || !path) {
        t_skip("harvested/generate.jsonl or the Socorro-lists build is missing");
        return;
    }
    size_t n;
    cJSON **cases = tc_load(path, &n);
    int ran = 0;
    for (size_t i = 0; i < n; i++) {
        const cJSON *sl = get(cases[i], "siglists");
        if (!cJSON_IsString(sl) || strcmp(sl->valuestring, "socorro") != 0)
            continue;
        sg_buf in;
        sg_buf_init(&in);
        tc_dump(&in, get(cases[i], "input"));
        sg_buf_addc(&in, '\n');
        char cmd[1024];
        int status;
        size_t nout;
        snprintf(cmd, sizeof cmd, "%s --jsonl -v", signify);
        cJSON **out = tc_run_lines(cmd, &in, &nout, &status);
        const cJSON *exp = get(cases[i], "expected");
        CHECK(nout == 1 && field_ok(out[0], exp, "signature") && field_ok(out[0], exp, "notes") &&
                  field_ok(out[0], exp, "debug_log"),
              "generate.jsonl case %zu: signature, notes or debug log differ", i + 1);
        ran++;
        tc_free(out, nout);
        sg_buf_free(&in);
    }
    CHECK(ran > 0, "generate.jsonl has a case with Socorro's lists");
    tc_free(cases, n);
}

/* One bad line never stops or shifts the others. */
SG_SUITE(signify_batch)
{
    const char *signify = signify_path();
    if (!signify)
        return;
    static const char input[] =
        "{\"crashing_thread\": 0, \"threads\": [{\"frames\": [{\"function\": \"a()\"}]}]}\n"
        "{\"crashing_thread\": 0, \"threads\": [\n"
        "\n"
        "[1, 2]\n"
        "{\"threads\": [{\"frames\": [{\"function\": \"b\"}]}], \"threads\": []}\n"
        "{\"os\": \"Linux\"}";
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "%s --jsonl", signify);
    sg_buf in;
    sg_buf_init(&in);
    sg_buf_adds(&in, input);
    int status;
    size_t n;
    cJSON **out = tc_run_lines(cmd, &in, &n, &status);
    CHECK(n == 6, "6 input lines give 6 output lines, got %zu", n);
    CHECK(status == 1, "exit status 1 when a line failed, got %d", status);
    if (n == 6) {
        const cJSON *s0 = get(out[0], "signature");
        CHECK(s0 && !strcmp(s0->valuestring, "a"), "line 1 still gets its signature");
        const cJSON *e1 = get(out[1], "error"), *l1 = get(out[1], "line");
        CHECK(e1 && strstr(e1->valuestring, "Expecting value") && l1 && l1->valuedouble == 2,
              "line 2 (truncated JSON) is an error naming line 2");
        CHECK(get(out[2], "error") && get(out[2], "line")->valuedouble == 3,
              "an empty line is an error for that line");
        /* a list is not crash data: Socorro's rules raise on it, each noted */
        CHECK(get(out[3], "signature") != NULL, "a JSON list still gets a result");
        /* duplicate keys: the last wins, as in Python (threads: []) */
        const cJSON *s4 = get(out[4], "signature");
        CHECK(s4 && !strcmp(s4->valuestring, "EMPTY: no frame data available"),
              "the last of duplicate keys wins");
        CHECK(get(out[5], "signature") != NULL, "a last line without a newline is read");
    }
    tc_free(out, n);

    /* a line over --max-line is reported and skipped, the next one still read */
    sg_buf_reset(&in);
    sg_buf_adds(&in, "{\"x\": \"");
    for (int i = 0; i < 5000; i++)
        sg_buf_adds(&in, "0123456789");
    sg_buf_adds(&in, "\"}\n{\"threads\": []}\n");
    snprintf(cmd, sizeof cmd, "%s --jsonl --max-line 1000", signify);
    out = tc_run_lines(cmd, &in, &n, &status);
    CHECK(n == 2 && get(out[0], "error") && strstr(get(out[0], "error")->valuestring, "--max-line"),
          "a line over --max-line gets an error line");
    CHECK(n == 2 && get(out[1], "signature"), "the line after an over-long line is read");
    tc_free(out, n);
    sg_buf_free(&in);
}

/* signify --jsonl on one crash line: its output lines (free with tc_free), *n of them. */
static cJSON **jsonl_one(const char *signify, const char *crash, size_t *n)
{
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "%s --jsonl", signify);
    sg_buf in;
    sg_buf_init(&in);
    sg_buf_adds(&in, crash);
    sg_buf_addc(&in, '\n');
    int status;
    cJSON **out = tc_run_lines(cmd, &in, n, &status);
    sg_buf_free(&in);
    return out;
}

/* A number as the function of a frame with a Rust file: the Rust rules iterate it first, so
 * Python's note is TypeError "not iterable", not the C++ rules' AttributeError (expected
 * note from Socorro's reference on this crash). */
SG_SUITE(signify_rust_function_type)
{
    const char *signify = signify_path();
    if (!signify)
        return;
    size_t n;
    cJSON **out = jsonl_one(signify, "{\"crashing_thread\": 0, \"threads\": [{\"frames\": [{\"function\": \"a()\"}, "
                                     "{\"function\": 2, \"file\": \"/x.rs\"}]}]}", &n);
    const cJSON *notes = n == 1 ? get(out[0], "notes") : NULL;
    const cJSON *note = cJSON_IsArray(notes) ? cJSON_GetArrayItem(notes, 0) : NULL;
    CHECK(cJSON_IsString(note) &&
              !strcmp(note->valuestring, "SignatureGenerationRule: Rule failed: 'int' object is not iterable"),
          "the Rust rules' TypeError is the note, got %s", cJSON_IsString(note) ? note->valuestring : "none");
    const cJSON *sig = n == 1 ? get(out[0], "signature") : NULL;
    CHECK(cJSON_IsString(sig) && !strcmp(sig->valuestring, ""), "the failed rule leaves an empty signature");
    tc_free(out, n);
}

/* Keys holding NUL ("\\u0000", which json.loads keeps): repr() of a dict shows them as \\x00,
 * and the shutdown conditions of a dict are its keys, sorted with the NUL (signatures from
 * Socorro's reference on these crashes). */
SG_SUITE(signify_nul_keys)
{
    const char *signify = signify_path();
    if (!signify)
        return;
    static const struct { const char *in, *sig; } cases[] = {
        { "{\"hang\": {\"a\\u0000\": 1, \"\\u0000\": 2}, \"threads\": []}",
          "hang: {'a\\x00': 1, '\\x00': 2} | EMPTY: no frame data available" },
        { "{\"ipc_message_name\": {\"x\\u0000y\": [1]}, \"threads\": []}",
          "EMPTY: no frame data available | IPC_Message_Name={'x\\x00y': [1]}" },
        { "{\"async_shutdown_timeout\": \"{\\\"phase\\\": \\\"p\\\", \\\"conditions\\\": {\\\"a\\\\u0000\\\": 1}}\", \"threads\": []}",
          "AsyncShutdownTimeout | p | a" },
        { "{\"async_shutdown_timeout\": \"{\\\"phase\\\": \\\"p\\\", \\\"conditions\\\": {\\\"b\\\": 1, \\\"\\\\u0000a\\\": 2}}\", \"threads\": []}",
          "AsyncShutdownTimeout | p | a,b" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t n;
        cJSON **out = jsonl_one(signify, cases[i].in, &n);
        const cJSON *sig = n == 1 ? get(out[0], "signature") : NULL;
        CHECK(cJSON_IsString(sig) && !strcmp(sig->valuestring, cases[i].sig), "%s: got %s", cases[i].in,
              cJSON_IsString(sig) ? sig->valuestring : "none");
        tc_free(out, n);
    }
}

SG_SUITE(signify_single)
{
    const char *signify = signify_path();
    if (!signify)
        return;
    char cmd[1024], *out = NULL, *err = NULL;
    size_t len;
    snprintf(cmd, sizeof cmd, "%s docs/examples/crash.json", signify);
    int rc = t_run(cmd, NULL, 0, &out, &len, &err);
    CHECK(rc == 0 && out && strncmp(out, "{\n  \"signature\": \"", 18) == 0,
          "signify FILE prints indented JSON starting with the signature (rc %d)", rc);
    CHECK(out && strstr(out, "\n  \"proto_signature\": ") && strstr(out, "\n  \"notes\": "),
          "the single-crash output has proto_signature and notes");
    free(out);
    free(err);
    static const char bad[] = "{\"threads\": [}";
    snprintf(cmd, sizeof cmd, "%s", signify);
    rc = t_run(cmd, bad, sizeof bad - 1, &out, &len, &err);
    CHECK(rc == 1 && err && strstr(err, "<stdin>") && strstr(err, "Expecting value: line 1 column 14"),
          "invalid JSON: exit 1 and a message naming the input and place (got %d: %s)", rc,
          err ? err : "");
    free(out);
    free(err);
    snprintf(cmd, sizeof cmd, "%s --help", signify);
    rc = t_run(cmd, NULL, 0, &out, &len, &err);
    CHECK(rc == 0 && out && strstr(out, "--jsonl") && strstr(out, "crash_data"),
          "--help documents the modes and the input schema");
    free(out);
    free(err);
    snprintf(cmd, sizeof cmd, "%s --bogus", signify);
    rc = t_run(cmd, NULL, 0, &out, &len, &err);
    CHECK(rc == 2 && err && strstr(err, "unknown option '--bogus'"), "an unknown option is exit 2");
    free(out);
    free(err);
}

/* --jobs: worker threads change nothing in the output, byte for byte, in input order;
 * ~18 MB of corpus crashes span several 4 MiB batches; bad lines and a too-long line ride
 * along. */
/* Corpus crashes as --jsonl input, with a bad line and a truncated one now and then. */
static int jobs_input(sg_buf *in)
{
    const char *files[] = { "corpus/crashes/adversarial.jsonl", "corpus/crashes/processed.jsonl" };
    for (int f = 0; f < 2; f++) {
        const char *path = t_path("SG_SHARED", files[f]);
        if (!path) {
            t_skip("%s is missing", files[f]);
            continue;
        }
        size_t n;
        cJSON **cases = tc_load(path, &n);
        for (size_t i = 0; i < n; i++) {
            tc_dump(in, get(cases[i], "input"));
            sg_buf_addc(in, '\n');
            if (i % 97 == 0)
                sg_buf_adds(in, i % 2 ? "{\"truncated\": [\n" : "\n");
        }
        tc_free(cases, n);
    }
    return in->len > 0;
}

/* The signify to run and its input, or NULL (said as a skip) when either is missing. */
static const char *jobs_setup(sg_buf *in)
{
    const char *signify = signify_path();
    sg_buf_init(in);
    if (!signify)
        return NULL;
    if (!jobs_input(in)) {
        sg_buf_free(in);
        return NULL;
    }
    return signify;
}

SG_SUITE(signify_jobs)
{
    sg_buf in;
    const char *signify = jobs_setup(&in);
    if (!signify)
        return;
    char cmd[1024], *base = NULL, *err = NULL;
    size_t base_len = 0;
    /* --max-line 30000 turns the biggest crashes into too-long lines */
    snprintf(cmd, sizeof cmd, "%s --jsonl --max-line 30000", signify);
    int base_status = t_run(cmd, in.p, in.len, &base, &base_len, &err);
    free(err);
    CHECK(base && base_len > 0 && base_status == 1, "serial run: status %d", base_status);
    for (int jobs = 2; jobs <= 3; jobs++) {
        char *out = NULL;
        size_t out_len = 0;
        err = NULL;
        snprintf(cmd, sizeof cmd, "%s --jsonl --max-line 30000 --jobs %d", signify, jobs);
        int status = t_run(cmd, in.p, in.len, &out, &out_len, &err);
        CHECK(status == base_status, "--jobs %d: status %d, serial %d", jobs, status, base_status);
        CHECK(out && out_len == base_len && memcmp(out, base, base_len) == 0,
              "--jobs %d: output differs from the serial run (%zu vs %zu bytes)", jobs, out_len,
              base_len);
        free(out);
        free(err);
    }
    CHECK(base && strstr(base, "--max-line") && strstr(base, "Expecting value"),
          "the run holds too-long lines and bad lines");
    free(base);
    sg_buf_free(&in);
}

/* Runs cmd on no input; 1 when its stdout and status equal want's. */
static int same_output(const char *cmd, const char *want, size_t want_len, int want_status)
{
    char *out = NULL, *err = NULL;
    size_t out_len = 0;
    int status = t_run(cmd, "", 0, &out, &out_len, &err);
    int same = status == want_status && out && out_len == want_len && memcmp(out, want, want_len) == 0;
    free(out);
    free(err);
    return same;
}

/* A regular file, read as a stream (one thread) or in ranges (--jobs, signify.c
 * each_line_ranges): the same output as through a pipe, named or as stdin, from stdin's
 * current offset, and for a file whose last line has no newline. */
SG_SUITE(signify_file)
{
    sg_buf in;
    const char *signify = jobs_setup(&in), *build = t_env("SG_BUILD");
    if (!signify)
        return;
    char path[1024], cmd[3072];
    snprintf(path, sizeof path, "%s/t_signify_file.jsonl", build);
    const char *first_nl = memchr(in.p, '\n', in.len);
    size_t first = first_nl ? (size_t)(first_nl - in.p) + 1 : 0;
    /* whole file; the file less its first line; the file less its last newline */
    struct { const char *what, *shell; size_t from, len; } runs[] = {
        { "named", "%s --jsonl --max-line 30000 %s", 0, in.len },
        { "as stdin", "%s --jsonl --max-line 30000 < %s", 0, in.len },
        { "named, --jobs 2", "%s --jsonl --max-line 30000 --jobs 2 %s", 0, in.len },
        { "stdin past its first line", "(read -r skip; %s --jsonl --max-line 30000) < %s", first, in.len },
        { "no final newline", "%s --jsonl --max-line 30000 --jobs 2 < %s", 0, in.len - 1 },
    };
    for (size_t r = 0; r < sizeof runs / sizeof runs[0]; r++) {
        FILE *f = fopen(path, "wb");
        size_t write_len = r == 4 ? in.len - 1 : in.len;
        CHECK(f && fwrite(in.p, 1, write_len, f) == write_len && fclose(f) == 0, "writes %s", path);
        char *want = NULL, *err = NULL;
        size_t want_len = 0;
        snprintf(cmd, sizeof cmd, "%s --jsonl --max-line 30000", signify);
        int want_status = t_run(cmd, in.p + runs[r].from, runs[r].len - runs[r].from, &want, &want_len, &err);
        free(err);
        snprintf(cmd, sizeof cmd, runs[r].shell, signify, path);
        CHECK(want && same_output(cmd, want, want_len, want_status),
              "a file (%s) gives what a pipe gives", runs[r].what);
        free(want);
    }
    FILE *f = fopen(path, "wb");
    CHECK(f && fclose(f) == 0, "writes an empty %s", path);
    snprintf(cmd, sizeof cmd, "%s --jsonl %s", signify, path);
    CHECK(same_output(cmd, "", 0, 0), "an empty file: no output, status 0");
    remove(path);
    /* a directory opens but cannot be read: the read error, named, and status 2 */
    for (int jobs = 1; jobs <= 2; jobs++) {
        char *out = NULL, *err = NULL;
        size_t out_len = 0;
        snprintf(cmd, sizeof cmd, "%s --jsonl --jobs %d %s", signify, jobs, build);
        int status = t_run(cmd, "", 0, &out, &out_len, &err);
        CHECK(status == 2 && out_len == 0 && err && strstr(err, "read error") && strstr(err, build),
              "a directory, --jobs %d: status %d, '%s'", jobs, status, err ? err : "");
        free(out);
        free(err);
    }
    sg_buf_free(&in);
}

/* --jobs from a pipe: lines longer than a read or a batch, too long for --max-line (also the
 * last one, without its newline), empty lines, all as the serial run gives them; then from a
 * file, in ranges. */
SG_SUITE(signify_jobs_pipe_edges)
{
    const char *signify = signify_path();
    if (!signify)
        return;
    sg_buf in;
    sg_buf_init(&in);
    /* a crash of about 1.5 MB: one thread of 20000 frames */
    sg_buf_adds(&in, "{\"crashing_thread\": 0, \"threads\": [{\"frames\": [");
    for (int k = 0; k < 20000; k++) {
        char fr[160];
        snprintf(fr, sizeof fr, "%s{\"frame\": %d, \"module\": \"xul.dll\", \"function\": \"f%d(int)\", \"line\": %d}",
                 k ? ", " : "", k, k % 13, k);
        sg_buf_adds(&in, fr);
    }
    sg_buf_adds(&in, "]}]}\n\n{\"crashing_thread\": 0, \"threads\": []}\n");
    /* 6 MB of one line: too long for --max-line 2000000, cut before its newline is read */
    for (int k = 0; k < 6000000 / 64; k++)
        sg_buf_adds(&in, "\"bytes of a line much too long for the limit, and no newline.. \"");
    sg_buf_adds(&in, "\n{\"os\": \"Windows NT\"}\n[1,\n");
    for (int k = 0; k < 100; k++)
        sg_buf_adds(&in, "{\"crashing_thread\": 0, \"threads\": [{\"frames\": [{\"function\": \"a\"}]}]}\n");
    for (int k = 0; k < 6000000 / 64; k++) /* too long again, the last line, no newline */
        sg_buf_adds(&in, "{\"too long, the last line without its newline, and so on......}");
    char cmd[1024], *base = NULL, *out = NULL, *err = NULL;
    size_t base_len = 0, out_len = 0;
    snprintf(cmd, sizeof cmd, "%s --jsonl --max-line 2000000", signify);
    int base_status = t_run(cmd, in.p, in.len, &base, &base_len, &err);
    free(err);
    for (int jobs = 2; jobs <= 3; jobs++) {
        snprintf(cmd, sizeof cmd, "%s --jsonl --max-line 2000000 --jobs %d", signify, jobs);
        int status = t_run(cmd, in.p, in.len, &out, &out_len, &err);
        CHECK(status == base_status && out && out_len == base_len && memcmp(out, base, base_len) == 0,
              "--jobs %d from a pipe: status %d (serial %d), %zu bytes out (serial %zu)", jobs, status,
              base_status, out_len, base_len);
        free(out);
        free(err);
    }
    size_t lines = 0;
    for (size_t i = 0; base && i < base_len; i++)
        lines += base[i] == '\n';
    CHECK(base && lines == 107 && strstr(base, "--max-line") && strstr(base, "\"line\": 107"),
          "the serial run gives a line per input line, the last too long (%zu lines)", lines);
    free(base);
    /* the same twice over (27 MB) from a file: --jobs reads it in ranges of 8 MiB whose ends
     * fall in too-long lines, and a 1.5 MB line is longer than one read */
    sg_buf_addc(&in, '\n');
    char *copy = malloc(in.len - 1);
    CHECK(copy != NULL, "copies the input");
    if (!copy)
        return;
    memcpy(copy, in.p, in.len - 1);
    sg_buf_add(&in, copy, in.len - 1);
    free(copy);
    snprintf(cmd, sizeof cmd, "%s --jsonl --max-line 2000000", signify);
    base_status = t_run(cmd, in.p, in.len, &base, &base_len, &err);
    free(err);
    char path[1024];
    snprintf(path, sizeof path, "%s/t_signify_ranges.jsonl", t_env("SG_BUILD"));
    FILE *f = fopen(path, "wb");
    CHECK(f && fwrite(in.p, 1, in.len, f) == in.len && fclose(f) == 0, "writes %s", path);
    const char *runs[] = { "%s --jsonl --max-line 2000000 %s", "%s --jsonl --max-line 2000000 --jobs 2 %s",
                           "%s --jsonl --max-line 2000000 --jobs 3 < %s" };
    for (size_t r = 0; r < sizeof runs / sizeof runs[0]; r++) {
        snprintf(cmd, sizeof cmd, runs[r], signify, path);
        CHECK(base && same_output(cmd, base, base_len, base_status), "from a file as from a pipe: %s",
              runs[r]);
    }
    lines = 0;
    for (size_t i = 0; base && i < base_len; i++)
        lines += base[i] == '\n';
    CHECK(lines == 214 && strstr(base, "\"line\": 214"), "twice the lines (%zu)", lines);
    remove(path);
    free(base);
    sg_buf_free(&in);
}

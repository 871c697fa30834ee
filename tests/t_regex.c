/* t_regex.c — the siglists compiler and its matchers (tests stage): Python's verdicts from
 * ../shared/corpus/regex run through sgmatch, every invalid/unsupported pattern rejected by
 * `sigc lint` with file:line:col, every historical Socorro list compiling, determinism,
 * the golden diagnostics in tests/diag/, and hand-checked cases on our default lists. */
#include "jsonstr.h"
#include "testlib.h"
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- helpers ------------------------------------------------------------------------------ */

/* The raw JSON text of a top-level field of a one-line object written by Python's json.dumps
 * (strings keep their escapes, so NULs and lone surrogates survive untouched). */
static int field(const char *line, const char *key, const char **v, size_t *n)
{
    char pat[64];
    snprintf(pat, sizeof pat, "\"%s\": ", key);
    const char *p = strstr(line, pat);
    if (!p)
        return 0;
    p += strlen(pat);
    const char *q = p;
    if (*q == '"') {
        for (q++; *q && *q != '"'; q++)
            if (*q == '\\' && q[1])
                q++;
        if (*q == '"')
            q++;
    } else
        while (*q && *q != ',' && *q != '}')
            q++;
    *v = p;
    *n = (size_t)(q - p);
    return 1;
}

static int field_is(const char *line, const char *key, const char *want)
{
    const char *v;
    size_t n;
    return field(line, key, &v, &n) && n == strlen(want) && memcmp(v, want, n) == 0;
}

typedef struct strbuf {
    char *p;
    size_t len, cap;
} strbuf;

static void sb_add(strbuf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        b->cap = (b->len + n + 1) * 2;
        b->p = realloc(b->p, b->cap);
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = 0;
}

static char *make_tmpdir(void)
{
    char *d = strdup("/tmp/sg-t-regex.XXXXXX");
    if (!mkdtemp(d)) {
        free(d);
        return NULL;
    }
    return d;
}

static void rm_rf(const char *dir)
{
    char cmd[4200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
}

static void write_file(const char *dir, const char *name, const char *data, size_t n)
{
    char path[4200];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (!f)
        return;
    fwrite(data, 1, n, f);
    fclose(f);
}

/* A siglists directory with one-line placeholder lists, then `name` set to data. */
static void make_lists(const char *dir, const char *name, const char *data, size_t n)
{
    static const char *files[] = {"irrelevant_signature_re.txt", "prefix_signature_re.txt",
                                  "signatures_with_line_numbers_re.txt", "signature_sentinels.txt"};
    for (size_t i = 0; i < 4; i++)
        write_file(dir, files[i], "placeholder\n", 12);
    write_file(dir, name, data, n);
}

static const char *list_name(const char *file)
{
    static const char *map[][2] = {
        {"irrelevant_signature_re.txt", "irrelevant"}, {"prefix_signature_re.txt", "prefix"},
        {"signatures_with_line_numbers_re.txt", "line_numbers"},
        {"trim_dll_signature_re.txt", "trim_dll"}, {"signature_sentinels.txt", "sentinels"}};
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (!strcmp(map[i][0], file))
            return map[i][1];
    return NULL;
}

/* ---- corpus: whole lists ------------------------------------------------------------------ */

SG_SUITE(regex_lists)
{
    const char *path = t_path("SG_SHARED", "corpus/regex/lists.jsonl");
    if (!path || !t_env("SG_SOCORRO_BUILD") || !t_env("SG_SIGGEN_BUILD")) {
        t_skip("../shared/corpus/regex/lists.jsonl or the socorro/siggen builds are missing");
        return;
    }
    size_t len;
    char *buf = t_read_file(path, &len);
    size_t n;
    char **lines = t_lines(buf, &n);
    /* one sgmatch run per (source, list) group, in corpus order */
    size_t total = 0, agree = 0;
    char *done = calloc(n, 1);
    for (size_t i = 0; i < n; i++) {
        if (done[i] || !lines[i][0])
            continue;
        const char *lv;
        size_t ln;
        if (!CHECK(field(lines[i], "list", &lv, &ln), "lists.jsonl:%zu: no list field", i + 1))
            continue;
        char key[256];
        snprintf(key, sizeof key, "%.*s", (int)ln, lv);
        char src[64], file[128];
        if (sscanf(key, "\"%63[^/]/%127[^\"]\"", src, file) != 2)
            continue;
        const char *lname = list_name(file);
        const char *build = t_env(!strcmp(src, "socorro") ? "SG_SOCORRO_BUILD" : "SG_SIGGEN_BUILD");
        strbuf in = {0};
        size_t *idx = malloc(n * sizeof *idx), m = 0;
        for (size_t j = i; j < n; j++) {
            const char *v;
            size_t vl;
            if (done[j] || !field(lines[j], "list", &v, &vl) || vl != ln || memcmp(v, lv, ln))
                continue;
            done[j] = 1;
            field(lines[j], "subject", &v, &vl);
            sb_add(&in, v, vl);
            sb_add(&in, "\n", 1);
            idx[m++] = j;
        }
        char cmd[4200];
        snprintf(cmd, sizeof cmd, "%s/sgmatch %s", build, lname ? lname : "?");
        char *out = NULL, *err = NULL;
        size_t outlen = 0;
        int rc = t_run(cmd, in.p, in.len, &out, &outlen, &err);
        CHECK(rc == 0, "%s: exit %d: %s", cmd, rc, err);
        size_t no;
        char **ol = t_lines(out, &no);
        size_t ok = 0;
        for (size_t k = 0; k < m; k++) {
            int want = field_is(lines[idx[k]], "match", "true");
            int got = k < no && !strcmp(ol[k], "1");
            ok += (size_t)CHECK(got == want, "%s/%s: %s: sgmatch says %d, Python %d", src, file,
                        lines[idx[k]], got, want);
        }
        printf("  regex_lists: %s/%s: %zu/%zu agree (%.2f %%)\n", src, file, ok, m,
               m ? 100.0 * (double)ok / (double)m : 100.0);
        total += m;
        agree += ok;
        free(ol);
        free(out);
        free(err);
        free(in.p);
        free(idx);
    }
    printf("  regex_lists: %zu/%zu agree (%.2f %%)\n", agree, total,
           total ? 100.0 * (double)agree / (double)total : 100.0);
    CHECK(total > 0, "lists.jsonl had no cases");
    free(done);
    free(lines);
    free(buf);
}

/* ---- corpus: single patterns, sgmatch --lines --------------------------------------------- */

SG_SUITE(regex_lines)
{
    const char *path = t_path("SG_SHARED", "corpus/regex/lines.jsonl");
    const char *build = t_env("SG_PATTERNS_BUILD");
    if (!path || !build) {
        t_skip("../shared/corpus/regex/lines.jsonl or the patterns build is missing");
        return;
    }
    size_t len, n;
    char *buf = t_read_file(path, &len);
    char **lines = t_lines(buf, &n);
    strbuf in = {0};
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        const char *v;
        size_t vl;
        if (!field(lines[i], "subject", &v, &vl))
            continue;
        sb_add(&in, v, vl);
        sb_add(&in, "\n", 1);
        m++;
    }
    char cmd[4200];
    snprintf(cmd, sizeof cmd, "%s/sgmatch --lines irrelevant", build);
    char *out = NULL, *err = NULL;
    size_t outlen = 0, no;
    int rc = t_run(cmd, in.p, in.len, &out, &outlen, &err);
    CHECK(rc == 0, "%s: exit %d: %s", cmd, rc, err);
    char **ol = t_lines(out, &no);
    size_t k = 0, ok = 0;
    for (size_t i = 0; i < n; i++) {
        const char *v;
        size_t vl;
        if (!field(lines[i], "subject", &v, &vl))
            continue;
        const char *lv;
        size_t ll;
        field(lines[i], "line", &lv, &ll);
        unsigned want_line = (unsigned)atoi(lv);
        int want = field_is(lines[i], "match", "true");
        int got = 0;
        if (k < no) { /* "[2, 17]": is want_line among them? */
            for (const char *p = ol[k]; *p; p++)
                if (*p >= '0' && *p <= '9' && (p == ol[k] || p[-1] < '0' || p[-1] > '9') &&
                    (unsigned)atoi(p) == want_line)
                    got = 1;
        }
        ok += (size_t)CHECK(got == want, "lines.jsonl:%zu: %s: sgmatch --lines says %d, Python %d", i + 1,
                    lines[i], got, want);
        k++;
    }
    printf("  regex_lines: %zu/%zu agree (%.2f %%)\n", ok, m, m ? 100.0 * (double)ok / (double)m : 100.0);
    CHECK(m > 0, "lines.jsonl had no cases");
    free(ol);
    free(out);
    free(err);
    free(in.p);
    free(lines);
    free(buf);
}

/* ---- corpus: rejected patterns ------------------------------------------------------------ */

static void reject_file(const char *rel, int unsupported)
{
    const char *path = t_path("SG_SHARED", rel);
    const char *sigc = t_path("SG_BUILD", "sigc");
    if (!path || !sigc) {
        t_skip("%s or sigc is missing", rel);
        return;
    }
    size_t len, n, rejected = 0, total = 0;
    char *buf = t_read_file(path, &len);
    char **lines = t_lines(buf, &n);
    for (size_t i = 0; i < n; i++) {
        const char *v;
        size_t vl;
        if (!field(lines[i], "pattern", &v, &vl))
            continue;
        sg_buf pat;
        sg_buf_init(&pat);
        size_t errpos;
        const char *errmsg;
        sg_json_decode_string(v, vl, &pat, &errpos, &errmsg);
        char *dir = make_tmpdir();
        if (!dir)
            continue;
        /* the bad pattern is line 3, after a comment and a good line (lines are joined) */
        strbuf list = {0};
        sb_add(&list, "# test\nfoo\n", 11);
        sb_add(&list, pat.p ? pat.p : "", pat.len);
        sb_add(&list, "\n", 1);
        make_lists(dir, "irrelevant_signature_re.txt", list.p, list.len);
        char cmd[4200];
        snprintf(cmd, sizeof cmd, "%s lint %s", sigc, dir);
        char *out = NULL, *err = NULL;
        size_t outlen;
        int rc = t_run(cmd, NULL, 0, &out, &outlen, &err);
        char want[4300];
        snprintf(want, sizeof want, "%s/irrelevant_signature_re.txt:3:", dir);
        const char *at = strstr(err, want);
        int located = at && strstr(at, ": error: ") && at[strlen(want)] >= '1' && at[strlen(want)] <= '9';
        int named = !unsupported || strstr(err, "unsupported: ");
        total++;
        rejected += (size_t)CHECK(rc == 1 && located && named, "%s: %s: exit %d, stderr: %s", rel, lines[i], rc, err);
        free(out);
        free(err);
        free(list.p);
        rm_rf(dir);
        free(dir);
        sg_buf_free(&pat);
    }
    printf("  %s: %zu/%zu rejected with file:line:col\n", rel, rejected, total);
    CHECK(total > 0, "%s had no cases", rel);
    free(lines);
    free(buf);
}

SG_SUITE(regex_invalid) { reject_file("corpus/regex/invalid.jsonl", 0); }
SG_SUITE(regex_unsupported) { reject_file("corpus/regex/unsupported.jsonl", 1); }

/* ---- every historical Socorro list ------------------------------------------------------- */

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

SG_SUITE(regex_history)
{
    const char *hist = t_path("SG_SHARED", "siglists-history");
    const char *sigc = t_path("SG_BUILD", "sigc");
    if (!hist || !sigc) {
        t_skip("../shared/siglists-history or sigc is missing");
        return;
    }
    DIR *d = opendir(hist);
    if (!CHECK(d != NULL, "cannot open %s", hist))
        return;
    char **names = NULL;
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        names = realloc(names, (n + 1) * sizeof *names);
        names[n++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp_str);
    char *tmp = make_tmpdir();
    for (size_t i = 0; i < n; i++) {
        char cmd[8400];
        snprintf(cmd, sizeof cmd, "%s lint %s/%s", sigc, hist, names[i]);
        char *out = NULL, *err = NULL;
        size_t outlen;
        int rc = t_run(cmd, NULL, 0, &out, &outlen, &err);
        CHECK(rc == 0 && strstr(err, ": 0 errors,"), "%s: exit %d: %s", cmd, rc, err);
        free(out);
        free(err);
        /* a sample also goes through re2c (the first, the last and every 40th) */
        if (tmp && (i % 40 == 0 || i + 1 == n)) {
            snprintf(cmd, sizeof cmd, "%s build %s/%s -o %s/%zu", sigc, hist, names[i], tmp, i);
            rc = t_run(cmd, NULL, 0, &out, &outlen, &err);
            CHECK(rc == 0, "%s: exit %d: %s", cmd, rc, err);
            free(out);
            free(err);
        }
        free(names[i]);
    }
    CHECK(n >= 300, "only %zu historical list versions", n);
    free(names);
    if (tmp) {
        rm_rf(tmp);
        free(tmp);
    }
}

/* ---- determinism -------------------------------------------------------------------------- */

static int same_file(const char *a, const char *b)
{
    size_t la, lb;
    char *x = t_read_file(a, &la), *y = t_read_file(b, &lb);
    int same = x && y && la == lb && memcmp(x, y, la) == 0;
    free(x);
    free(y);
    return same;
}

SG_SUITE(regex_determinism)
{
    const char *lists = t_path("SG_SHARED", "socorro/siglists");
    const char *sigc = t_path("SG_BUILD", "sigc");
    if (!lists || !sigc) {
        t_skip("../shared/socorro/siglists or sigc is missing");
        return;
    }
    char *tmp = make_tmpdir();
    if (!CHECK(tmp != NULL, "mkdtemp"))
        return;
    static const char *files[] = {"match_irrelevant.c", "match_prefix.c", "match_line_numbers.c",
                                  "match_trim_dll.c", "sentinels.c", "match_lines.c"};
    char cmd[8400];
    for (int run = 0; run < 2; run++) {
        snprintf(cmd, sizeof cmd, "%s build %s -o %s/%d", sigc, lists, tmp, run);
        char *out = NULL, *err = NULL;
        size_t outlen;
        int rc = t_run(cmd, NULL, 0, &out, &outlen, &err);
        CHECK(rc == 0, "%s: exit %d: %s", cmd, rc, err);
        free(out);
        free(err);
    }
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        char a[4300], b[4300];
        snprintf(a, sizeof a, "%s/0/%s", tmp, files[i]);
        snprintf(b, sizeof b, "%s/1/%s", tmp, files[i]);
        CHECK(same_file(a, b), "sigc build is not deterministic: %s differs between runs", files[i]);
    }
    /* only C sources (no .re specs or temporaries left), each identical in both runs */
    snprintf(cmd, sizeof cmd, "%s/0", tmp);
    DIR *d = opendir(cmd);
    size_t count = 0;
    struct dirent *e;
    while (d && (e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        size_t l = strlen(e->d_name);
        count++;
        CHECK(l > 2 && !strcmp(e->d_name + l - 2, ".c"), "sigc build left %s in its output", e->d_name);
        char a[4300], b[4300];
        snprintf(a, sizeof a, "%s/0/%s", tmp, e->d_name);
        snprintf(b, sizeof b, "%s/1/%s", tmp, e->d_name);
        CHECK(same_file(a, b), "sigc build is not deterministic: %s differs between runs", e->d_name);
    }
    if (d)
        closedir(d);
    CHECK(count >= sizeof files / sizeof files[0], "sigc build wrote %zu files", count);
    rm_rf(tmp);
    free(tmp);
}

/* ---- golden diagnostics: the .txt files in tests/diag ------------------------------------------------ */
/* Each fixture is a list file whose `# expect: ` comment lines give diagnostics sigc lint must
 * print (with the path prefix dropped); `# list: NAME` says which list file it is (default
 * irrelevant_signature_re.txt). Comment lines are skipped by the list reader, so line numbers
 * in expectations are the fixture's own. */

SG_SUITE(regex_diag)
{
    const char *sigc = t_path("SG_BUILD", "sigc");
    DIR *d = opendir("tests/diag");
    if (!sigc || !d) {
        if (d)
            closedir(d);
        t_skip("sigc or tests/diag is missing (run from the repository root)");
        return;
    }
    char **names = NULL;
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t l = strlen(e->d_name);
        if (l > 4 && !strcmp(e->d_name + l - 4, ".txt")) {
            names = realloc(names, (n + 1) * sizeof *names);
            names[n++] = strdup(e->d_name);
        }
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n; i++) {
        char path[4300];
        snprintf(path, sizeof path, "tests/diag/%s", names[i]);
        size_t len;
        char *data = t_read_file(path, &len);
        char *copy = malloc(len + 1);
        memcpy(copy, data, len + 1);
        char list[128] = "irrelevant_signature_re.txt";
        size_t nl;
        char **lines = t_lines(copy, &nl);
        for (size_t k = 0; k < nl; k++)
            if (!strncmp(lines[k], "# list: ", 8))
                snprintf(list, sizeof list, "%s", lines[k] + 8);
        char *dir = make_tmpdir();
        make_lists(dir, list, data, len);
        char cmd[4400];
        snprintf(cmd, sizeof cmd, "%s lint %s", sigc, dir);
        char *out = NULL, *err = NULL;
        size_t outlen;
        int rc = t_run(cmd, NULL, 0, &out, &outlen, &err);
        /* drop the temporary directory prefix from every diagnostic */
        strbuf got = {0};
        size_t dl = strlen(dir);
        for (const char *p = err; *p;) {
            if (!strncmp(p, dir, dl) && p[dl] == '/') {
                p += dl + 1;
                continue;
            }
            sb_add(&got, p, 1);
            p++;
        }
        int expects = 0, expect_error = 0;
        for (size_t k = 0; k < nl; k++) {
            if (strncmp(lines[k], "# expect: ", 10))
                continue;
            expects++;
            expect_error |= strstr(lines[k], ": error: ") != NULL;
            CHECK(got.p && strstr(got.p, lines[k] + 10), "%s: expected \"%s\" in:\n%s", names[i],
                  lines[k] + 10, got.p ? got.p : "");
        }
        CHECK(expects > 0, "%s has no '# expect: ' line", names[i]);
        CHECK(rc == (expect_error ? 1 : 0), "%s: sigc lint exit %d", names[i], rc);
        free(got.p);
        free(out);
        free(err);
        rm_rf(dir);
        free(dir);
        free(lines);
        free(copy);
        free(data);
        free(names[i]);
    }
    CHECK(n > 0, "no fixtures in tests/diag");
    free(names);
}

/* ---- our default lists, cases checked with Python's re ----------------------------------- */
/* Expected values: re.match("|".join(lines), s) over the siglists/ files (sentinels: `in`), computed
 * with Python 3.11 when these cases were written; they exercise `$` before a final newline,
 * Unicode \d, case sensitivity, NUL bytes and exact sentinel lookup. */

SG_SUITE(regex_defaults)
{
    static const struct {
        const char *list, *json;
        int match;
    } cases[] = {
        {"irrelevant", "\"@0x7ffd1234\"", 1},
        {"irrelevant", "\"@0x7ffd1234\\n\"", 1},
        {"irrelevant", "\"@0x7ffd1234 \"", 0},
        {"irrelevant", "\"@0x\"", 0},
        {"irrelevant", "\"@0xZZ\"", 0},
        {"irrelevant", "\"raise\"", 1},
        {"irrelevant", "\"raise\\n\"", 1},
        {"irrelevant", "\"raise\\n\\n\"", 0},
        {"irrelevant", "\"raised\"", 0},
        {"irrelevant", "\"libc.so.6\"", 1},
        {"irrelevant", "\"libc.so.6x\"", 0},
        {"irrelevant", "\"libc.so.\\u0663\"", 1},
        {"irrelevant", "\"ntdll.dll\"", 1},
        {"irrelevant", "\"NTDLL.DLL\"", 0},
        {"irrelevant", "\"abort\"", 1},
        {"irrelevant", "\"\"", 0},
        {"irrelevant", "\"KiUserExceptionDispatcher\"", 1},
        {"prefix", "\"malloc\"", 1},
        {"prefix", "\"malloc\\n\"", 1},
        {"prefix", "\"mallocx\"", 0},
        {"prefix", "\"operator new(unsigned long)\"", 1},
        {"prefix", "\"memcpy\"", 1},
        {"prefix", "\"__memcpy_avx_unaligned\"", 1},
        {"prefix", "\"strlen\"", 1},
        {"prefix", "\"strlenx\"", 0},
        {"prefix", "\"nsFoo::AddRef\"", 1},
        {"prefix", "\"nsFoo::AddRef\\n\"", 1},
        {"prefix", "\"nsFoo::AddRefX\"", 0},
        {"prefix", "\"a\\nb::AddRef\"", 0},
        {"prefix", "\"RefPtr<T>::operator->\"", 1},
        {"prefix", "\"core::panicking::panic\"", 1},
        {"prefix", "\"free\\u0000\"", 0},
        {"line_numbers", "\"js::Interpret\"", 1},
        {"line_numbers", "\"js::Interpreter\"", 0},
        {"line_numbers", "\"Interpret\"", 1},
        {"line_numbers", "\"xInterpret\"", 0},
        {"sentinels", "\"__assert_fail\"", 1},
        {"sentinels", "\"__assert_fail \"", 0},
        {"sentinels", "\"core::panicking::panic\"", 1},
        {"sentinels", "\"core::panicking::panic_fmt\"", 1},
        {"sentinels", "\"_wassert\"", 1},
        {"sentinels", "\"\"", 0},
    };
    const char *sgmatch = t_path("SG_BUILD", "sgmatch");
    if (!sgmatch) {
        t_skip("sgmatch is missing");
        return;
    }
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char cmd[4200], in[256];
        snprintf(cmd, sizeof cmd, "%s %s", sgmatch, cases[i].list);
        snprintf(in, sizeof in, "%s\n", cases[i].json);
        char *out = NULL, *err = NULL;
        size_t outlen;
        int rc = t_run(cmd, in, strlen(in), &out, &outlen, &err);
        CHECK(rc == 0 && out[0] == (cases[i].match ? '1' : '0') && out[1] == '\n',
              "sgmatch %s %s: got '%s' (exit %d), want %d", cases[i].list, cases[i].json, out, rc,
              cases[i].match);
        free(out);
        free(err);
    }
    /* bad input lines: answered with `error`, named on stderr, exit 1, others still answered */
    char cmd[4200];
    snprintf(cmd, sizeof cmd, "%s prefix", sgmatch);
    const char *in = "\"malloc\"\nnot json\n\"x\"\n";
    char *out = NULL, *err = NULL;
    size_t outlen;
    int rc = t_run(cmd, in, strlen(in), &out, &outlen, &err);
    CHECK(rc == 1 && !strcmp(out, "1\nerror\n0\n") && strstr(err, "stdin:2:"),
          "sgmatch with a bad line: exit %d, out '%s', err '%s'", rc, out, err);
    free(out);
    free(err);
    /* --lines names the physical line of the list file */
    snprintf(cmd, sizeof cmd, "%s --lines prefix", sgmatch);
    in = "\"malloc\"\n\"nothing\"\n";
    rc = t_run(cmd, in, strlen(in), &out, &outlen, &err);
    size_t flen;
    char *file = t_read_file("siglists/prefix_signature_re.txt", &flen);
    unsigned want = 0, ln = 1;
    for (char *p = file; p && *p; p++) {
        if (!strncmp(p, "malloc$\n", 8) && (p == file || p[-1] == '\n')) {
            want = ln;
            break;
        }
        ln += *p == '\n';
    }
    char expect[64];
    snprintf(expect, sizeof expect, "[%u]\n[]\n", want);
    CHECK(rc == 0 && want && !strcmp(out, expect), "sgmatch --lines: got '%s', want '%s'", out, expect);
    free(file);
    free(out);
    free(err);
}

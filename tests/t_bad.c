/* t_bad.c — hostile-input cases (tests stage): every tests/bad/<tool>/NAME.t file runs `signify` or
 * `sigc` on one bad input and checks its exact output lines, error text and exit status; then
 * all one-line `--jsonl` cases run again as ONE batch to prove a bad line neither stops nor
 * corrupts the others. The case format is described in docs/hardening.md. */
#define _GNU_SOURCE
#include "testlib.h"
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* T_SANITIZED: built with a sanitizer that reserves terabytes of shadow memory (ASan, or TSan for
 * `make test-tsan`) and slows the tools down */
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define T_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define T_SANITIZED 1
#endif
#endif
#ifndef T_SANITIZED
#define T_SANITIZED 0
#endif

typedef struct tbuf {
    char *s;
    size_t len, cap;
} tbuf;

static void tb_add(tbuf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        while (b->len + n + 1 > b->cap)
            b->cap = b->cap * 2 + 4096;
        b->s = realloc(b->s, b->cap);
        if (!b->s)
            abort();
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = 0;
}

static void tb_str(tbuf *b, const char *s) { tb_add(b, s, strlen(s)); }

typedef struct bcase {
    char name[256];
    char tool[32];   /* signify | sigc */
    char args[512];  /* $IN = input written to a file, $DIR = a scratch siglists directory */
    char file[128];  /* sigc: the list file of $DIR that receives the input */
    int status, timeout, memory_mb, exact, batch;
    tbuf input;
    int has_input, has_out, has_err, has_err_has;
    tbuf out, err;   /* expected lines, '\n'-terminated */
    tbuf err_has;    /* lines that must each appear somewhere in stderr */
} bcase;

static int hexval(int c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
         : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* `--- input-gen` lines: physical newlines dropped; C escapes \n \r \t \0 \\ \xHH decoded;
 * @{N:TEXT}@ expands to TEXT repeated N times (TEXT itself may hold escapes). */
static void gen_text(tbuf *b, const char *s, size_t n);

static void gen_escape(tbuf *b, const char **pp, const char *end)
{
    const char *p = *pp + 1;
    char c = 0;
    if (p >= end) {
        tb_add(b, "\\", 1);
        *pp = p;
        return;
    }
    switch (*p) {
    case 'n': c = '\n'; break;
    case 'r': c = '\r'; break;
    case 't': c = '\t'; break;
    case '0': c = 0; break;
    case '\\': c = '\\'; break;
    case 'x':
        if (p + 2 < end && hexval(p[1]) >= 0 && hexval(p[2]) >= 0) {
            c = (char)(hexval(p[1]) * 16 + hexval(p[2]));
            p += 2;
            break;
        }
        /* fall through */
    default:
        tb_add(b, "\\", 1);
        c = *p;
    }
    tb_add(b, &c, 1);
    *pp = p + 1;
}

static void gen_text(tbuf *b, const char *s, size_t n)
{
    const char *p = s, *end = s + n;
    while (p < end) {
        if (*p == '\n') {
            p++;
        } else if (*p == '\\') {
            gen_escape(b, &p, end);
        } else if (p[0] == '@' && p + 1 < end && p[1] == '{') {
            char *colon;
            unsigned long rep = strtoul(p + 2, &colon, 10);
            const char *close = colon < end && *colon == ':' ? memmem(colon, (size_t)(end - colon), "}@", 2) : NULL;
            if (!close) {
                tb_add(b, p, 1);
                p++;
                continue;
            }
            tbuf one = {0};
            gen_text(&one, colon + 1, (size_t)(close - colon - 1));
            for (unsigned long i = 0; i < rep; i++)
                tb_add(b, one.s ? one.s : "", one.len);
            free(one.s);
            p = close + 2;
        } else {
            tb_add(b, p, 1);
            p++;
        }
    }
}

static void copy_field(char *dst, size_t cap, const char *v)
{
    snprintf(dst, cap, "%s", v);
}

static int parse_case(bcase *c, const char *path, const char *name)
{
    size_t len;
    char *text = t_read_file(path, &len);
    if (!text)
        return 0;
    memset(c, 0, sizeof *c);
    copy_field(c->name, sizeof c->name, name);
    c->status = 0, c->timeout = 60, c->batch = 1;
    char *p = text, *end = text + len;
    enum { HEAD, IN_RAW, IN_GEN, OUT, ERR, ERR_HAS } sec = HEAD;
    char *gen_start = NULL;
    while (p < end) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        char *le = nl ? nl : end;
        size_t ll = (size_t)(le - p);
        char *next = nl ? nl + 1 : end;
        int is_marker = ll >= 4 && memcmp(p, "--- ", 4) == 0;
        if (is_marker) {
            if (sec == IN_GEN && gen_start) {
                gen_text(&c->input, gen_start, (size_t)(p - gen_start));
                gen_start = NULL;
            }
            char m[32] = {0};
            memcpy(m, p + 4, ll - 4 < sizeof m - 1 ? ll - 4 : sizeof m - 1);
            if (!strcmp(m, "input"))
                sec = IN_RAW, c->has_input = 1;
            else if (!strcmp(m, "input-gen"))
                sec = IN_GEN, c->has_input = 1, gen_start = next;
            else if (!strcmp(m, "stdout"))
                sec = OUT, c->has_out = 1;
            else if (!strcmp(m, "stderr"))
                sec = ERR, c->has_err = 1;
            else if (!strcmp(m, "stderr-has"))
                sec = ERR_HAS, c->has_err_has = 1;
            else
                is_marker = 0;
            if (is_marker) {
                p = next;
                continue;
            }
        }
        switch (sec) {
        case HEAD:
            if (ll && *p != '#') {
                *le = 0;
                char *colon = strchr(p, ':');
                if (colon) {
                    char *v = colon + 1;
                    *colon = 0;
                    while (*v == ' ')
                        v++;
                    if (!strcmp(p, "tool")) copy_field(c->tool, sizeof c->tool, v);
                    else if (!strcmp(p, "args")) copy_field(c->args, sizeof c->args, v);
                    else if (!strcmp(p, "file")) copy_field(c->file, sizeof c->file, v);
                    else if (!strcmp(p, "status")) c->status = atoi(v);
                    else if (!strcmp(p, "timeout")) c->timeout = atoi(v);
                    else if (!strcmp(p, "memory")) c->memory_mb = atoi(v);
                    else if (!strcmp(p, "compare")) c->exact = !strcmp(v, "exact");
                    else if (!strcmp(p, "batch")) c->batch = strcmp(v, "no") != 0;
                }
            }
            break;
        case IN_RAW: tb_add(&c->input, p, (size_t)(next - p)); break;
        case IN_GEN: break;
        case OUT: tb_add(&c->out, p, ll), tb_add(&c->out, "\n", 1); break;
        case ERR: tb_add(&c->err, p, ll), tb_add(&c->err, "\n", 1); break;
        case ERR_HAS: tb_add(&c->err_has, p, ll), tb_add(&c->err_has, "\n", 1); break;
        }
        p = next;
    }
    if (sec == IN_GEN && gen_start)
        gen_text(&c->input, gen_start, (size_t)(end - gen_start));
    free(text);
    return c->tool[0] != 0;
}

static void free_case(bcase *c)
{
    free(c->input.s), free(c->out.s), free(c->err.s), free(c->err_has.s);
}

/* ---- comparing output lines ----------------------------------------------------------
 * Default: each expected line that is a JSON object names the keys to check; the raw text of
 * each key's value must be the same in the output line, whitespace outside strings aside (so
 * Python's json.dumps escapes are checked byte for byte). `compare: exact` compares bytes. */
static const char *skip_ws(const char *p, const char *e)
{
    while (p < e && (*p == ' ' || *p == '\t' || *p == '\r'))
        p++;
    return p;
}

static const char *skip_value(const char *p, const char *e)
{
    p = skip_ws(p, e);
    if (p >= e)
        return NULL;
    if (*p == '"') {
        for (p++; p < e; p++) {
            if (*p == '\\')
                p++;
            else if (*p == '"')
                return p + 1;
        }
        return NULL;
    }
    if (*p == '{' || *p == '[') {
        int depth = 0;
        while (p < e) {
            if (*p == '"') {
                p = skip_value(p, e);
                if (!p)
                    return NULL;
                continue;
            }
            if (*p == '{' || *p == '[')
                depth++;
            else if (*p == '}' || *p == ']') {
                if (--depth == 0)
                    return p + 1;
            }
            p++;
        }
        return NULL;
    }
    while (p < e && *p != ',' && *p != '}' && *p != ']' && *p != ' ')
        p++;
    return p;
}

/* Finds top-level key `key` (raw, with quotes) in the object line; value span in *vs, *ve. */
static int find_key(const char *line, size_t n, const char *key, size_t kl, const char **vs, const char **ve)
{
    const char *p = line, *e = line + n;
    p = skip_ws(p, e);
    if (p >= e || *p != '{')
        return 0;
    p++;
    for (;;) {
        p = skip_ws(p, e);
        if (p >= e || *p != '"')
            return 0;
        const char *ks = p, *ke = skip_value(p, e);
        if (!ke)
            return 0;
        p = skip_ws(ke, e);
        if (p >= e || *p != ':')
            return 0;
        const char *s = skip_ws(p + 1, e), *v = skip_value(s, e);
        if (!v)
            return 0;
        if ((size_t)(ke - ks) == kl && memcmp(ks, key, kl) == 0)
            *vs = s, *ve = v; /* keep going: the last duplicate wins */
        p = skip_ws(v, e);
        if (p < e && *p == ',') {
            p++;
            continue;
        }
        break;
    }
    return *vs != NULL;
}

/* whitespace outside strings removed */
static void squeeze(tbuf *b, const char *s, const char *e)
{
    int in_str = 0;
    for (const char *p = s; p < e; p++) {
        if (in_str) {
            tb_add(b, p, 1);
            if (*p == '\\' && p + 1 < e)
                tb_add(b, ++p, 1);
            else if (*p == '"')
                in_str = 0;
        } else if (*p == '"') {
            in_str = 1;
            tb_add(b, p, 1);
        } else if (*p != ' ' && *p != '\t' && *p != '\r') {
            tb_add(b, p, 1);
        }
    }
    if (!b->s)
        tb_add(b, "", 0);
}

static char *shorten(const char *s, size_t n)
{
    static char buf[4][240];
    static int k;
    char *b = buf[k++ % 4];
    size_t m = n < 200 ? n : 200;
    size_t j = 0;
    for (size_t i = 0; i < m && j < sizeof buf[0] - 8; i++)
        b[j++] = (s[i] >= 32 && s[i] < 127) ? s[i] : '?';
    if (m < n)
        memcpy(b + j, "...", 3), j += 3;
    b[j] = 0;
    return b;
}

/* One expected line vs one output line; line_no > 0 replaces an expected "line" value. */
static int line_matches(const char *exp, size_t el, const char *got, size_t gl, int exact,
                        long line_no, char *why, size_t why_cap)
{
    const char *e = skip_ws(exp, exp + el);
    if (exact || e >= exp + el || *e != '{') {
        if (el == gl && memcmp(exp, got, el) == 0)
            return 1;
        snprintf(why, why_cap, "expected `%s` got `%s`", shorten(exp, el), shorten(got, gl));
        return 0;
    }
    const char *p = e + 1, *end = exp + el;
    int keys = 0;
    for (;;) {
        p = skip_ws(p, end);
        if (p >= end || *p != '"')
            break;
        const char *ks = p, *ke = skip_value(p, end);
        if (!ke)
            break;
        p = skip_ws(ke, end);
        if (p >= end || *p != ':')
            break;
        const char *vs = skip_ws(p + 1, end), *ve = skip_value(vs, end);
        if (!ve)
            break;
        keys++;
        const char *gs = NULL, *ge = NULL;
        char num[32];
        if (line_no > 0 && (size_t)(ke - ks) == 6 && memcmp(ks, "\"line\"", 6) == 0) {
            snprintf(num, sizeof num, "%ld", line_no);
            vs = num, ve = num + strlen(num);
        }
        if (!find_key(got, gl, ks, (size_t)(ke - ks), &gs, &ge)) {
            snprintf(why, why_cap, "key %.*s missing in `%s`", (int)(ke - ks), ks, shorten(got, gl));
            return 0;
        }
        tbuf a = {0}, b = {0};
        squeeze(&a, vs, ve), squeeze(&b, gs, ge);
        int same = a.len == b.len && memcmp(a.s, b.s, a.len) == 0;
        if (!same)
            snprintf(why, why_cap, "key %.*s: expected %s got %s", (int)(ke - ks), ks,
                     shorten(a.s, a.len), shorten(b.s, b.len));
        free(a.s), free(b.s);
        if (!same)
            return 0;
        p = skip_ws(ve, end);
        if (p < end && *p == ',')
            p++;
        else
            break;
    }
    if (!keys) {
        snprintf(why, why_cap, "bad expected line `%s`", shorten(exp, el));
        return 0;
    }
    return 1;
}

/* Splits text into lines (the last one without '\n' counts when non-empty). */
static size_t split_lines(const char *s, size_t n, const char ***starts, size_t **lens)
{
    size_t cap = 16, k = 0;
    *starts = malloc(cap * sizeof **starts);
    *lens = malloc(cap * sizeof **lens);
    const char *p = s, *e = s + n;
    while (p < e) {
        const char *nl = memchr(p, '\n', (size_t)(e - p));
        const char *le = nl ? nl : e;
        if (k == cap) {
            cap *= 2;
            *starts = realloc(*starts, cap * sizeof **starts);
            *lens = realloc(*lens, cap * sizeof **lens);
        }
        (*starts)[k] = p, (*lens)[k] = (size_t)(le - p);
        k++;
        p = nl ? nl + 1 : e;
    }
    return k;
}

/* Checks every expected line against the output; `base_line` > 0 renumbers "line" fields. */
static int lines_match(const char *cname, const char *what, const tbuf *exp, const char *got,
                       size_t gl, int exact, long base_line)
{
    const char **es, **gs;
    size_t *el, *glen;
    size_t ne = split_lines(exp->s ? exp->s : "", exp->len, &es, &el);
    size_t ng = split_lines(got, gl, &gs, &glen);
    int ok = CHECK(ne == ng, "%s: %s: %zu lines expected, %zu lines out (first: `%s`)", cname,
                   what, ne, ng, ng ? shorten(gs[0], glen[0]) : "");
    for (size_t i = 0; ok && i < ne; i++) {
        char why[1024];
        int m = line_matches(es[i], el[i], gs[i], glen[i], exact,
                             base_line > 0 ? base_line + (long)i : 0, why, sizeof why);
        ok = CHECK(m, "%s: %s line %zu: %s", cname, what, i + 1, why);
    }
    free(es), free(el), free(gs), free(glen);
    return ok;
}

/* ---- running one case --------------------------------------------------------------------- */
static char scratch[1024];

static const char *tool_path(const char *tool)
{
    if (!strcmp(tool, "signify"))
        return t_path("SG_SOCORRO_BUILD", "signify");
    if (!strcmp(tool, "sigc"))
        return t_path("SG_BUILD", "sigc");
    return NULL;
}

static int write_file(const char *path, const char *s, size_t n)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return 0;
    int ok = fwrite(s, 1, n, f) == n;
    return fclose(f) == 0 && ok;
}

/* A scratch siglists directory of harmless one-line lists; the case's file gets its input. */
static int make_siglists(const bcase *c)
{
    static const char *const lists[][2] = {
        {"irrelevant_signature_re.txt", "placeholder_irrelevant\n"},
        {"prefix_signature_re.txt", "placeholder_prefix\n"},
        {"signatures_with_line_numbers_re.txt", "placeholder_line_numbers\n"},
        {"signature_sentinels.txt", "placeholder_sentinel\n"},
    };
    char path[4200];
    for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", scratch, lists[i][0]);
        if (!write_file(path, lists[i][1], strlen(lists[i][1])))
            return 0;
    }
    if (c->file[0]) {
        snprintf(path, sizeof path, "%s/%s", scratch, c->file);
        return write_file(path, c->input.s ? c->input.s : "", c->input.len);
    }
    return 1;
}

/* Replaces $DIR and $IN in s. */
static void expand_vars(tbuf *out, const char *s, size_t n)
{
    const char *p = s, *e = s + n;
    while (p < e) {
        if (e - p >= 4 && !memcmp(p, "$DIR", 4)) {
            tb_str(out, scratch);
            p += 4;
        } else if (e - p >= 3 && !memcmp(p, "$IN", 3)) {
            tb_str(out, scratch);
            tb_str(out, "/input");
            p += 3;
        } else {
            tb_add(out, p, 1);
            p++;
        }
    }
    if (!out->s)
        tb_add(out, "", 0);
}

typedef struct run_out {
    int status;
    char *out, *err;
    size_t out_len;
} run_out;

static void run_tool(const char *exe, const char *args, int timeout, int memory_mb,
                     const char *in, size_t in_len, run_out *r)
{
    tbuf cmd = {0};
    char pre[128] = "";
    /* ASan and TSan reserve terabytes of address space: a virtual-memory cap only works without them */
    if (memory_mb > 0 && !T_SANITIZED)
        snprintf(pre, sizeof pre, "ulimit -v %ld; ", (long)memory_mb * 1024);
    char head[256];
    snprintf(head, sizeof head, "%sexec timeout -s KILL %d ", pre, T_SANITIZED ? timeout * 4 : timeout);
    tb_str(&cmd, head);
    tb_str(&cmd, exe);
    tb_str(&cmd, " ");
    expand_vars(&cmd, args, strlen(args));
    r->status = t_run(cmd.s, in, in_len, &r->out, &r->out_len, &r->err);
    free(cmd.s);
}

/* Whole-line match where "{...}" in the expected line stands for any text (for numbers that
 * depend on the tool's version, like the byte size of generated code). */
static int glob_line(const char *e, size_t el, const char *g, size_t gl)
{
    const char *star = memmem(e, el, "{...}", 5);
    if (!star)
        return el == gl && memcmp(e, g, el) == 0;
    size_t pre = (size_t)(star - e);
    if (gl < pre || memcmp(e, g, pre) != 0)
        return 0;
    const char *rest = star + 5;
    size_t rl = el - pre - 5;
    for (size_t k = pre; k <= gl; k++)
        if (glob_line(rest, rl, g + k, gl - k))
            return 1;
    return 0;
}

static void run_case(bcase *c)
{
    const char *exe = tool_path(c->tool);
    if (!exe) {
        t_skip("%s: no %s built for it (make check builds it)", c->name, c->tool);
        return;
    }
    if (!make_siglists(c)) {
        CHECK(0, "%s: cannot write scratch files in %s", c->name, scratch);
        return;
    }
    char inpath[4200];
    snprintf(inpath, sizeof inpath, "%s/input", scratch);
    int via_file = strstr(c->args, "$IN") != NULL;
    if (via_file && !write_file(inpath, c->input.s ? c->input.s : "", c->input.len)) {
        CHECK(0, "%s: cannot write %s", c->name, inpath);
        return;
    }
    int via_stdin = !via_file && !c->file[0];
    run_out r;
    run_tool(exe, c->args, c->timeout, c->memory_mb, via_stdin ? c->input.s : NULL,
             via_stdin ? c->input.len : 0, &r);
    if (!CHECK(r.status != 137, "%s: killed (time limit %d s or memory)", c->name, c->timeout) ||
        !CHECK(r.status < 128, "%s: died of signal %d; stderr: %s", c->name, r.status - 128,
               shorten(r.err, strlen(r.err)))) {
        free(r.out), free(r.err);
        return;
    }
    CHECK(r.status == c->status, "%s: exit status %d, expected %d; stderr: %s", c->name, r.status,
          c->status, shorten(r.err, strlen(r.err)));
    if (c->has_out)
        lines_match(c->name, "stdout", &c->out, r.out, r.out_len, c->exact, 0);
    if (c->has_err) {
        tbuf exp = {0};
        expand_vars(&exp, c->err.s ? c->err.s : "", c->err.len);
        lines_match(c->name, "stderr", &exp, r.err, strlen(r.err), 1, 0);
        free(exp.s);
    }
    if (c->has_err_has) {
        tbuf exp = {0};
        expand_vars(&exp, c->err_has.s ? c->err_has.s : "", c->err_has.len);
        const char **es, **gs;
        size_t *el, *glen;
        size_t ne = split_lines(exp.s, exp.len, &es, &el);
        size_t ng = split_lines(r.err, strlen(r.err), &gs, &glen);
        for (size_t i = 0; i < ne; i++) {
            size_t k = 0;
            while (k < ng && !glob_line(es[i], el[i], gs[k], glen[k]))
                k++;
            CHECK(k < ng, "%s: stderr lacks the line `%s` (first line: `%s`)", c->name,
                  shorten(es[i], el[i]), ng ? shorten(gs[0], glen[0]) : "");
        }
        free(es), free(el), free(gs), free(glen), free(exp.s);
    }
    free(r.out), free(r.err);
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorted list of *.t under tests/bad/<sub> (NULL-terminated, malloc'd). */
static char **list_cases(const char *sub, size_t *n)
{
    char dir[256];
    snprintf(dir, sizeof dir, "tests/bad/%s", sub);
    DIR *d = opendir(dir);
    *n = 0;
    if (!d)
        return NULL;
    size_t cap = 64;
    char **v = malloc(cap * sizeof *v);
    struct dirent *de;
    while ((de = readdir(d))) {
        size_t l = strlen(de->d_name);
        if (l < 3 || strcmp(de->d_name + l - 2, ".t"))
            continue;
        if (*n + 1 >= cap)
            v = realloc(v, (cap *= 2) * sizeof *v);
        v[(*n)++] = strdup(de->d_name);
    }
    closedir(d);
    qsort(v, *n, sizeof *v, cmp_names);
    return v;
}

static int setup_scratch(void)
{
    const char *tmp = getenv("TMPDIR");
    snprintf(scratch, sizeof scratch, "%s/sg-bad-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    return mkdtemp(scratch) != NULL;
}

static void cleanup_scratch(void)
{
    char cmd[4200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", scratch);
    t_run(cmd, NULL, 0, NULL, NULL, NULL);
}

static void run_dir(const char *sub)
{
    size_t n;
    char **names = list_cases(sub, &n);
    if (!CHECK(names && n > 0, "no cases in tests/bad/%s (run from the top directory)", sub))
        return;
    if (!CHECK(setup_scratch(), "cannot create a scratch directory"))
        return;
    for (size_t i = 0; i < n; i++) {
        char path[512];
        bcase c;
        snprintf(path, sizeof path, "tests/bad/%s/%s", sub, names[i]);
        if (CHECK(parse_case(&c, path, path), "%s: unreadable or no `tool:` line", path))
            run_case(&c);
        free_case(&c);
        free(names[i]);
    }
    free(names);
    cleanup_scratch();
}

SG_SUITE(bad_signify) { run_dir("signify"); }
SG_SUITE(bad_sigc) { run_dir("sigc"); }

/* Batch isolation: every small one-line `--jsonl` case (good and bad mixed) in one input, in
 * file order; each output line must be exactly what the case expects alone (its error's
 * "line" renumbered), one line out per line in, and the exit status the worst of them. */
SG_SUITE(bad_batch)
{
    const char *exe = tool_path("signify");
    if (!exe) {
        t_skip("no signify built against ../shared/socorro/siglists");
        return;
    }
    size_t n;
    char **names = list_cases("signify", &n);
    tbuf in = {0}, exp = {0};
    long lines = 0;
    int worst = 0;
    for (size_t i = 0; i < n; i++) {
        char path[512];
        bcase c;
        snprintf(path, sizeof path, "tests/bad/signify/%s", names[i]);
        if (parse_case(&c, path, path) && c.batch && !c.exact && !strcmp(c.args, "--jsonl") &&
            c.input.len > 0 && c.input.len < (1u << 20) && c.input.s[c.input.len - 1] == '\n' &&
            memchr(c.input.s, '\n', c.input.len) == c.input.s + c.input.len - 1 && c.out.len > 0 &&
            memchr(c.out.s, '\n', c.out.len) == c.out.s + c.out.len - 1) {
            tb_add(&in, c.input.s, c.input.len);
            tb_add(&exp, c.out.s, c.out.len);
            lines++;
            if (c.status > worst)
                worst = c.status;
        }
        free_case(&c);
        free(names[i]);
    }
    free(names);
    if (!CHECK(lines >= 10, "only %ld one-line --jsonl cases for the batch", lines))
        goto out;
    /* twice over: line numbers keep counting and state from one line never leaks to the next */
    tbuf in2 = {0}, exp2 = {0};
    tb_add(&in2, in.s, in.len), tb_add(&in2, in.s, in.len);
    tb_add(&exp2, exp.s, exp.len), tb_add(&exp2, exp.s, exp.len);
    run_out r;
    run_tool(exe, "--jsonl", 120, 0, in2.s, in2.len, &r);
    CHECK(r.status == worst, "batch of %ld lines: exit status %d, expected %d; stderr: %s",
          2 * lines, r.status, worst, shorten(r.err, strlen(r.err)));
    lines_match("batch", "stdout", &exp2, r.out, r.out_len, 0, 1);
    free(r.out), free(r.err);
    /* the same batch read from a file argument */
    if (CHECK(setup_scratch(), "cannot create a scratch directory")) {
        char path[4200];
        snprintf(path, sizeof path, "%s/input", scratch);
        if (CHECK(write_file(path, in2.s, in2.len), "cannot write %s", path)) {
            run_tool(exe, "--jsonl $IN", 120, 0, NULL, 0, &r);
            CHECK(r.status == worst, "batch from a file: exit status %d, expected %d", r.status, worst);
            lines_match("batch-file", "stdout", &exp2, r.out, r.out_len, 0, 1);
            free(r.out), free(r.err);
        }
        cleanup_scratch();
    }
    free(in2.s), free(exp2.s);
out:
    free(in.s), free(exp.s);
}

/* emit_re2c.c — lowered regex ASTs -> re2c specs -> C matchers. Compiler stage.
 * Each list becomes ONE rule (the alternation of its lines) in one re2c block, so re2c builds
 * and minimizes one boolean DFA; code points are spelled as UTF-8 byte sequences (WTF-8:
 * surrogates too) and the end of the subject is a virtual byte 0xFF, which WTF-8 never holds.
 * Named definitions share the big Unicode classes. Output is a pure function of the lists. */
#include "emit_re2c.h"
#include "unicode.h"
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_OUTPUT_BYTES (1u << 20)   /* a generated C file larger than this is refused: gcc takes minutes on a few MiB of DFA */

/* Named re2c definitions for multi-byte classes, shared by the rules of one spec file. */
typedef struct defs {
    const sgc_node **sets;
    size_t n, cap;
    sgc_str text;          /* "c1 = ...;\n" lines */
} defs;

static int same_set(const sgc_node *a, const sgc_node *b)
{
    return a->nset == b->nset && memcmp(a->set, b->set, a->nset * sizeof *a->set) == 0;
}

static size_t utf8_enc(uint32_t cp, unsigned char *o)
{
    char tmp[4];
    size_t n = sg_utf8_encode(cp, tmp);
    memcpy(o, tmp, n);
    return n;
}

/* Splits [lo,hi] into ranges whose UTF-8 encodings are byte-wise ranges (the classic
 * utf8-ranges construction) and appends them as re2c alternatives. */
static void utf8_split(sgc_str *o, uint32_t lo, uint32_t hi, int *first)
{
    static const uint32_t bounds[3] = {0x7F, 0x7FF, 0xFFFF};
    for (int i = 0; i < 3; i++)
        if (lo <= bounds[i] && hi > bounds[i]) {
            utf8_split(o, lo, bounds[i], first);
            utf8_split(o, bounds[i] + 1, hi, first);
            return;
        }
    if (hi > 0x7F)
        for (unsigned i = 1; i < 4; i++) {
            uint32_t m = (1u << (6 * i)) - 1;
            if ((lo & ~m) != (hi & ~m)) {
                if ((lo & m) != 0) {
                    utf8_split(o, lo, lo | m, first);
                    utf8_split(o, (lo | m) + 1, hi, first);
                    return;
                }
                if ((hi & m) != m) {
                    utf8_split(o, lo, (hi & ~m) - 1, first);
                    utf8_split(o, hi & ~m, hi, first);
                    return;
                }
            }
        }
    unsigned char a[4], b[4];
    size_t n = utf8_enc(lo, a);
    utf8_enc(hi, b);
    sgc_str_adds(o, *first ? "" : " | ");
    *first = 0;
    for (size_t k = 0; k < n; k++) {
        if (a[k] == b[k])
            sgc_str_printf(o, "[\\x%02X]", a[k]);
        else
            sgc_str_printf(o, "[\\x%02X-\\x%02X]", a[k], b[k]);
    }
}

/* re2c text for a set: one class for the ASCII part, byte sequences for the rest. */
static void set_text(sgc_str *o, const sgc_node *s)
{
    int first = 1;
    int ascii = 0;
    for (size_t i = 0; i < s->nset; i++)
        ascii |= s->set[i].lo < 0x80;
    if (ascii) {
        sgc_str_adds(o, "[");
        for (size_t i = 0; i < s->nset && s->set[i].lo < 0x80; i++) {
            uint32_t hi = s->set[i].hi > 0x7F ? 0x7F : s->set[i].hi;
            if (hi == s->set[i].lo)
                sgc_str_printf(o, "\\x%02X", s->set[i].lo);
            else
                sgc_str_printf(o, "\\x%02X-\\x%02X", s->set[i].lo, hi);
        }
        sgc_str_adds(o, "]");
        first = 0;
    }
    for (size_t i = 0; i < s->nset; i++) {
        if (s->set[i].hi < 0x80)
            continue;
        uint32_t lo = s->set[i].lo < 0x80 ? 0x80 : s->set[i].lo;
        utf8_split(o, lo, s->set[i].hi, &first);
    }
}

static int all_ascii(const sgc_node *s) { return s->set[s->nset - 1].hi < 0x80; }
static int single(const sgc_node *s) { return s->kind == SGC_N_SET && s->nset == 1 && s->set[0].lo == s->set[0].hi; }

static void lit_char(sgc_str *o, uint32_t cp)
{
    unsigned char b[4];
    size_t n = utf8_enc(cp, b);
    for (size_t k = 0; k < n; k++) {
        unsigned char c = b[k];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
            c == ':' || c == '<' || c == '>' || c == ' ' || c == '.' || c == '-' || c == ',')
            sgc_str_add(o, (const char *)&c, 1);
        else
            sgc_str_printf(o, "\\x%02X", c);
    }
}

static void emit_node(defs *df, sgc_str *o, const sgc_node *n);

static int covers_non_ascii(const sgc_node *n)
{
    if (n->kind != SGC_N_SET)
        return 0;
    const sgc_range *last = &n->set[n->nset - 1];
    return last->hi == 0x10FFFF && last->lo <= 0x80;
}

/* The ASCII part of a set plus all bytes 0x80..0xFE (never the end marker 0xFF). */
static void byte_class(sgc_str *o, const sgc_node *s)
{
    sgc_str_adds(o, "[");
    for (size_t i = 0; i < s->nset && s->set[i].lo < 0x80; i++) {
        uint32_t hi = s->set[i].hi > 0x7F ? 0x7F : s->set[i].hi;
        if (hi == s->set[i].lo)
            sgc_str_printf(o, "\\x%02X", s->set[i].lo);
        else
            sgc_str_printf(o, "\\x%02X-\\x%02X", s->set[i].lo, hi);
    }
    sgc_str_adds(o, "\\x80-\\xFE]");
}

static void emit_set(defs *df, sgc_str *o, const sgc_node *s)
{
    if (single(s)) {
        sgc_str_adds(o, "\"");
        lit_char(o, s->set[0].lo);
        sgc_str_adds(o, "\"");
        return;
    }
    if (all_ascii(s)) {
        set_text(o, s);
        return;
    }
    size_t i = 0;
    while (i < df->n && !same_set(df->sets[i], s))
        i++;
    if (i == df->n) {
        if (df->n == df->cap) {
            df->cap = df->cap ? 2 * df->cap : 16;
            df->sets = sgc_xrealloc(df->sets, df->cap * sizeof *df->sets);
        }
        df->sets[df->n++] = s;
        sgc_str_printf(&df->text, "    c%zu = ", i + 1);
        set_text(&df->text, s);
        sgc_str_adds(&df->text, ";\n");
    }
    sgc_str_printf(o, "c%zu", i + 1);
}

static void emit_group(defs *df, sgc_str *o, const sgc_node *n)
{
    if (n->kind == SGC_N_SET || n->kind == SGC_N_END) {
        emit_node(df, o, n);
        return;
    }
    sgc_str_adds(o, "(");
    emit_node(df, o, n);
    sgc_str_adds(o, ")");
}

static void emit_node(defs *df, sgc_str *o, const sgc_node *n)
{
    switch (n->kind) {
    case SGC_N_SET: emit_set(df, o, n); break;
    case SGC_N_END: sgc_str_adds(o, "[\\xFF]"); break;
    case SGC_N_CAT:
        for (size_t i = 0; i < n->nkids; i++) {
            const sgc_node *k = n->kids[i];
            if (i)
                sgc_str_adds(o, " ");
            if (single(k)) { /* a run of literal code points is one re2c string */
                sgc_str_adds(o, "\"");
                for (; i < n->nkids && single(n->kids[i]); i++)
                    lit_char(o, n->kids[i]->set[0].lo);
                i--;
                sgc_str_adds(o, "\"");
            } else
                emit_group(df, o, k);
        }
        break;
    case SGC_N_ALT:
        for (size_t i = 0; i < n->nkids; i++) {
            if (i)
                sgc_str_adds(o, "\n      | ");
            emit_node(df, o, n->kids[i]);
        }
        break;
    case SGC_N_REP:
        if (n->max == SGC_INF && covers_non_ascii(n->kids[0])) {
            /* On valid WTF-8, a run of whole code points from such a set is exactly a run of
             * bytes from its ASCII part plus every non-ASCII byte (what follows always starts
             * on a code point boundary): bytes keep the DFA free of UTF-8 decoding states. */
            if (n->min > 1) {
                emit_group(df, o, n->kids[0]);
                sgc_str_printf(o, "{%u} ", n->min - 1);
            }
            byte_class(o, n->kids[0]);
            sgc_str_adds(o, n->min ? "+" : "*");
            break;
        }
        emit_group(df, o, n->kids[0]);
        if (n->min == 0 && n->max == 1)
            sgc_str_adds(o, "?");
        else if (n->min == 0 && n->max == SGC_INF)
            sgc_str_adds(o, "*");
        else if (n->min == 1 && n->max == SGC_INF)
            sgc_str_adds(o, "+");
        else if (n->max == SGC_INF)
            sgc_str_printf(o, "{%u,}", n->min);
        else if (n->min == n->max)
            sgc_str_printf(o, "{%u}", n->min);
        else
            sgc_str_printf(o, "{%u,%u}", n->min, n->max);
        break;
    default: /* EMPTY / NEVER never reach here (callers test first) */
        sgc_str_adds(o, "\"\"");
        break;
    }
}

/* What one matcher function does: always 1, always 0, or run a DFA for `n`. */
enum { M_NEVER, M_ALWAYS, M_DFA };
static int classify(const sgc_node *n)
{
    if (n->kind == SGC_N_NEVER)
        return M_NEVER;
    if (sgc_nullable(n))
        return M_ALWAYS;
    return M_DFA;
}

/* One DFA: `static int NAME(const unsigned char *s)`, s ending with the byte 0xFF. */
static void emit_dfa(defs *df, sgc_str *o, const char *name, const sgc_node *n)
{
    sgc_str_printf(o, "SG_DFA static int %s(const unsigned char *s)\n{\n", name);
    sgc_str_adds(o, "    size_t i = 0, mar = 0;\n    (void)mar;\n/*!re2c\n    ");
    emit_node(df, o, n);
    sgc_str_adds(o, "\n        { return 1; }\n    * { return 0; }\n*/\n}\n\n");
}

/* The public function: a constant, or the OR of the group DFAs over a copy of s that ends
 * with 0xFF (so the DFAs need no bounds checks: they stop at that byte, which WTF-8 never
 * holds). */
#define NO_BOUND ((size_t)-1)

/* Longest match of n in bytes (NO_BOUND when unbounded): a DFA for n reads at most s[0..M]. */
static size_t max_bytes(const sgc_node *n)
{
    size_t t = 0;
    switch (n->kind) {
    case SGC_N_SET: {
        uint32_t hi = n->set[n->nset - 1].hi;
        return hi < 0x80 ? 1 : hi < 0x800 ? 2 : hi < 0x10000 ? 3 : 4;
    }
    case SGC_N_END: return 1;
    case SGC_N_CAT:
        for (size_t i = 0; i < n->nkids; i++) {
            size_t k = max_bytes(n->kids[i]);
            if (k == NO_BOUND || t + k > (1u << 20))
                return NO_BOUND;
            t += k;
        }
        return t;
    case SGC_N_ALT:
        for (size_t i = 0; i < n->nkids; i++) {
            size_t k = max_bytes(n->kids[i]);
            if (k == NO_BOUND)
                return NO_BOUND;
            t = k > t ? k : t;
        }
        return t;
    case SGC_N_REP: {
        size_t k = max_bytes(n->kids[0]);
        if (n->max == SGC_INF || k == NO_BOUND || (uint64_t)k * n->max > (1u << 20))
            return NO_BOUND;
        return k * n->max;
    }
    default: return 0;
    }
}

/* The public function: a constant, or the OR of the group DFAs. A group whose longest match
 * has M bytes runs on s in place when len > M (it cannot read past s[M]); otherwise, and for
 * groups without a bound, the DFAs run on a copy of s ending with 0xFF, which WTF-8 never
 * holds, so they need no bounds checks. Returns the matcher's reach (matchers.h). */
static size_t emit_wrapper(sgc_str *o, const char *proto, const char *base, size_t ngroups,
                           const size_t *maxb, int constant)
{
    sgc_str_printf(o, "%s\n{\n", proto);
    if (ngroups == 0) {
        sgc_str_printf(o, "    (void)s;\n    (void)len;\n    return %d;\n}\n", constant);
        return 0;
    }
    size_t bounded = 0, top = 0;
    for (size_t g = 0; g < ngroups; g++)
        if (maxb[g] != NO_BOUND) {
            bounded++;
            top = maxb[g] > top ? maxb[g] : top;
        }
    if (bounded) {
        sgc_str_adds(o, "    const unsigned char *u = (const unsigned char *)s;\n");
        for (size_t g = 0; g < ngroups; g++)
            if (maxb[g] != NO_BOUND)
                sgc_str_printf(o, "    if (len > %zuu && %s_%zu(u))\n        return 1;\n", maxb[g], base, g + 1);
        if (bounded == ngroups)
            sgc_str_printf(o, "    if (len > %zuu)\n        return 0;\n", top);
    }
    sgc_str_adds(o, "    unsigned char local[SG_MATCH_LOCAL];\n"
                    "    unsigned char *b = len < sizeof local ? local : (unsigned char *)malloc(len + 1);\n"
                    "    if (!b)\n"
                    "        return 0; /* out of memory: no match rather than an unbounded read */\n"
                    "    if (len)\n"
                    "        memcpy(b, s, len);\n"
                    "    b[len] = 0xFF;\n"
                    "    int r = ");
    for (size_t g = 0; g < ngroups; g++) {
        sgc_str_adds(o, g ? "\n        || " : "");
        if (maxb[g] != NO_BOUND)
            sgc_str_printf(o, "(len <= %zuu && %s_%zu(b))", maxb[g], base, g + 1);
        else
            sgc_str_printf(o, "%s_%zu(b)", base, g + 1);
    }
    sgc_str_adds(o, ";\n    if (b != local)\n        free(b);\n    return r;\n}\n");
    return bounded == ngroups ? top : NO_BOUND;
}

static const char *spec_prologue =
    "#include <stdlib.h>\n"
    "#include <string.h>\n"
    "#if defined(__GNUC__) && !defined(__clang__)\n"
    "/* DFA code is one big goto graph: gcc's -O2 jump threading and dominator passes take\n"
    " * most of its compile time here for little gain, so matchers use -O1 without them. */\n"
    "#pragma GCC optimize(\"O1\", \"no-tree-dominator-opts\")\n"
    "#endif\n"
    "#if defined(__GNUC__)\n"
    "/* UBSan's check on every byte read makes compilers take minutes on DFA code (which only\n"
    " * does ++i); ASan still checks the reads. */\n"
    "#define SG_DFA __attribute__((no_sanitize(\"undefined\")))\n"
    "#else\n"
    "#define SG_DFA\n"
    "#endif\n"
    "#define SG_MATCH_LOCAL 512 /* longer subjects are copied to the heap */\n"
    "#define YYPEEK() (s[i])\n"
    "#define YYSKIP() (++i)\n"
    "#define YYBACKUP() (mar = i)\n"
    "#define YYRESTORE() (i = mar)\n";

/* Assembles prologue + definitions block + body into one spec. */
static void spec_finish(sgc_str *spec, const char *head, defs *df, const sgc_str *body)
{
    sgc_str_adds(spec, head);
    sgc_str_adds(spec, spec_prologue);
    sgc_str_adds(spec, "/*!re2c\n    re2c:define:YYCTYPE = \"unsigned char\";\n"
                       "    re2c:yyfill:enable = 0;\n    re2c:sentinel = 255;\n");
    if (df->text.p)
        sgc_str_adds(spec, df->text.p);
    sgc_str_adds(spec, "*/\n");
    if (body->p)
        sgc_str_adds(spec, body->p);
}

static int write_file(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    size_t w = fwrite(data, 1, len, f);
    int bad = fclose(f) != 0 || w != len;
    return bad ? -1 : 0;
}

/* Runs re2c on in -> out with a time limit; its stderr goes to errfile. */
static int run_re2c(const sgc_emit_opts *o, const char *in, const char *out, const char *errfile,
                    char *why, size_t whysz)
{
    char *argv[16];
    int ac = 0;
    argv[ac++] = (char *)(uintptr_t)o->re2c;
    argv[ac++] = "-W";
    argv[ac++] = "-i";
    argv[ac++] = "--no-generation-date";
    argv[ac++] = "--no-version";
    argv[ac++] = "--api";
    argv[ac++] = "custom";
    char flags[64] = "";
    if (o->re2c_flags && *o->re2c_flags) {
        snprintf(flags, sizeof flags, "%s", o->re2c_flags);
        argv[ac++] = flags;
    }
    argv[ac++] = "-o";
    argv[ac++] = (char *)(uintptr_t)out;
    argv[ac++] = (char *)(uintptr_t)in;
    argv[ac] = NULL;
    pid_t pid = fork();
    if (pid < 0) {
        snprintf(why, whysz, "cannot fork: %s", strerror(errno));
        return -1;
    }
    if (pid == 0) {
        FILE *e = freopen(errfile, "w", stderr);
        (void)e;
        execvp(argv[0], argv);
        fprintf(stderr, "cannot run %s: %s\n", argv[0], strerror(errno));
        _exit(127);
    }
    unsigned waited_ms = 0, limit_ms = (o->timeout_s ? o->timeout_s : 60) * 1000u;
    int st = 0;
    for (;;) {
        pid_t r = waitpid(pid, &st, WNOHANG);
        if (r == pid)
            break;
        if (r < 0 && errno != EINTR) {
            snprintf(why, whysz, "waitpid: %s", strerror(errno));
            return -1;
        }
        if (waited_ms >= limit_ms) {
            kill(pid, SIGKILL);
            waitpid(pid, &st, 0);
            snprintf(why, whysz, "re2c took more than %u s (sigc time limit): the DFA is too big",
                     limit_ms / 1000);
            return -1;
        }
        struct timespec ts = {0, 5 * 1000 * 1000};
        nanosleep(&ts, NULL);
        waited_ms += 5;
    }
    if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
        size_t n = 0;
        char *msg = sgc_read_file(errfile, &n);
        snprintf(why, whysz, "re2c failed: %s", msg && n ? msg : "(no message)");
        free(msg);
        size_t l = strlen(why);
        while (l && why[l - 1] == '\n')
            why[--l] = 0;
        return -1;
    }
    struct stat sb;
    if (stat(out, &sb) == 0 && (size_t)sb.st_size > MAX_OUTPUT_BYTES) {
        snprintf(why, whysz, "re2c wrote %lld bytes, more than sigc's limit of %u: the DFA is too big",
                 (long long)sb.st_size, MAX_OUTPUT_BYTES);
        return -1;
    }
    return 0;
}

typedef struct job {
    char name[64];   /* output base name, e.g. match_prefix */
    sgc_str spec;
} job;

/* Runs re2c on one spec into tmp/NAME.c (moved to the output directory only when every
 * file succeeded). Returns 0, or -1 with why set. */
static int finish_job(const sgc_emit_opts *o, const char *tmp, job *j, char *why, size_t whysz)
{
    char in[4096], out[4096], err[4096];
    snprintf(in, sizeof in, "%.2000s/%s.re", tmp, j->name);
    snprintf(out, sizeof out, "%.2000s/%s.c", tmp, j->name);
    snprintf(err, sizeof err, "%.2000s/%s.err", tmp, j->name);
    if (write_file(in, j->spec.p, j->spec.len) < 0) {
        snprintf(why, whysz, "cannot write %.900s: %s", in, strerror(errno));
        return -1;
    }
    if (o->keep_re) {
        char keep[4096];
        snprintf(keep, sizeof keep, "%.2000s/%s.re", o->keep_re, j->name);
        write_file(keep, j->spec.p, j->spec.len);
    }
    int r = run_re2c(o, in, out, err, why, whysz);
    unlink(in);
    unlink(err);
    if (r < 0)
        unlink(out);
    return r;
}

/* When a list's DFA is too big, compile its lines one by one to name the culprits. */
static int blame_lines(const sgc_emit_opts *o, const char *tmp, const sgc_list *l, sgc_diags *d)
{
    int found = 0;
    for (size_t i = 0; i < l->n; i++) {
        const sgc_line *ln = &l->lines[i];
        if (!ln->low || classify(ln->low) != M_DFA)
            continue;
        job j;
        memset(&j, 0, sizeof j);
        snprintf(j.name, sizeof j.name, "probe");
        defs df;
        memset(&df, 0, sizeof df);
        sgc_str body = {0};
        emit_dfa(&df, &body, "probe", ln->low);
        spec_finish(&j.spec, "", &df, &body);
        char why[1024];
        if (finish_job(o, tmp, &j, why, sizeof why) < 0) {
            sgc_line_diag(d, SGC_ERROR, NULL, l, ln, 0, "this pattern's DFA is too big for sigc: %s", why);
            found = 1;
        } else {
            char out[4096];
            snprintf(out, sizeof out, "%.2000s/probe.c", tmp);
            unlink(out);
        }
        sgc_str_free(&body);
        sgc_str_free(&df.text);
        free(df.sets);
        sgc_str_free(&j.spec);
    }
    return found;
}

/* Runs one job; on failure reports it against the list (naming lines when it can). */
static int run_job(const sgc_emit_opts *o, const char *tmp, job *j, const sgc_list *l,
                   const char *blame, sgc_diags *d)
{
    char why[1024];
    if (finish_job(o, tmp, j, why, sizeof why) == 0)
        return 0;
    if (!(l && blame_lines(o, tmp, l, d)))
        sgc_diag_add(d, SGC_ERROR, NULL, blame, 0, 0, NULL, "%s", why);
    return -1;
}

/* Moves tmp/NAME.c to outdir/NAME.c unless identical (keeps mtimes: no needless rebuilds). */
static int install(const char *tmp, const char *outdir, const char *name, sgc_diags *d)
{
    char from[4096], to[4096];
    snprintf(from, sizeof from, "%.2000s/%s.c", tmp, name);
    snprintf(to, sizeof to, "%.2000s/%s.c", outdir, name);
    size_t la, lb;
    char *a = sgc_read_file(from, &la), *b = sgc_read_file(to, &lb);
    int same = a && b && la == lb && memcmp(a, b, la) == 0;
    free(a);
    free(b);
    if (same)
        return unlink(from);
    chmod(from, 0644); /* re2c creates its output private; generated sources are not */
    if (rename(from, to) < 0) {
        sgc_diag_add(d, SGC_ERROR, NULL, to, 0, 0, NULL, "cannot write: %s", strerror(errno));
        unlink(from);
        return -1;
    }
    return 0;
}

static sgc_node *list_union(sgc_arena *a, const sgc_list *l)
{
    sgc_node *u = sgc_arena_alloc(a, sizeof *u);
    u->kind = SGC_N_ALT;
    u->kids = sgc_arena_alloc(a, (l->n ? l->n : 1) * sizeof *u->kids);
    for (size_t i = 0; i < l->n; i++)
        if (l->lines[i].low)
            u->kids[u->nkids++] = l->lines[i].low;
    if (l->n == 0) /* Socorro quirk: "|".join([]) == "" matches every string (siglists_utils) */
        u->kind = SGC_N_EMPTY;
    else if (u->nkids == 1)
        return u->kids[0];
    else if (u->nkids == 0)
        u->kind = SGC_N_NEVER;
    return u;
}

/* Lines with an unbounded repeat make re2c's single DFA multiply: a `.*X` line combined with
 * a trie of literals needs a state per (trie node, progress in X) pair, and longest-match
 * scanning goes on after the first accept. So a list is split into groups, each one DFA, and
 * the matcher is their OR (still exactly Python's verdict): all lines without unbounded
 * repeats together (a trie), all lines that start with an unbounded repeat together (an
 * Aho-Corasick-like scanner), and every other line with an unbounded repeat on its own. */
static int has_star(const sgc_node *n)
{
    if (n->kind == SGC_N_REP && n->max == SGC_INF)
        return 1;
    for (size_t i = 0; i < n->nkids; i++)
        if (has_star(n->kids[i]))
            return 1;
    return 0;
}

static int starts_with_star(const sgc_node *n)
{
    while (n->kind == SGC_N_CAT && n->nkids)
        n = n->kids[0];
    return n->kind == SGC_N_REP && n->max == SGC_INF && n->min == 0;
}

/* The matcher of one list; returns its reach. */
static size_t emit_grouped(sgc_arena *a, defs *df, sgc_str *o, const char *proto, const char *base,
                           sgc_node *u)
{
    int m = classify(u);
    if (m != M_DFA)
        return emit_wrapper(o, proto, base, 0, NULL, m == M_ALWAYS);
    size_t ngroups = 0;
    size_t cap = u->kind == SGC_N_ALT ? u->nkids : 1;
    sgc_node **groups = sgc_arena_alloc(a, (cap + 2) * sizeof *groups);
    if (u->kind != SGC_N_ALT)
        groups[ngroups++] = u;
    else {
        sgc_node *plain = NULL, *floating = NULL;
        for (size_t i = 0; i < u->nkids; i++) {
            sgc_node *k = u->kids[i];
            sgc_node **slot = !has_star(k) ? &plain : starts_with_star(k) ? &floating : NULL;
            if (!slot) {
                groups[ngroups++] = k;
                continue;
            }
            if (!*slot) {
                *slot = sgc_arena_alloc(a, sizeof **slot);
                (*slot)->kind = SGC_N_ALT;
                (*slot)->kids = sgc_arena_alloc(a, u->nkids * sizeof *u->kids);
                groups[ngroups++] = *slot;
            }
            (*slot)->kids[(*slot)->nkids++] = k;
        }
    }
    size_t *maxb = sgc_arena_alloc(a, (ngroups + 1) * sizeof *maxb);
    for (size_t g = 0; g < ngroups; g++) {
        char name[160];
        snprintf(name, sizeof name, "%s_%zu", base, g + 1);
        emit_dfa(df, o, name, groups[g]);
        maxb[g] = max_bytes(groups[g]);
    }
    return emit_wrapper(o, proto, base, ngroups, maxb, 0);
}

/* The exact-string matcher for sentinels: each line's text (not parsed) then END. */
static sgc_node *sentinel_union(sgc_arena *a, const sgc_list *l, size_t only, int one)
{
    sgc_node *u = sgc_arena_alloc(a, sizeof *u);
    u->kind = SGC_N_ALT;
    u->kids = sgc_arena_alloc(a, (l->n ? l->n : 1) * sizeof *u->kids);
    for (size_t i = 0; i < l->n; i++) {
        if (one && i != only)
            continue;
        const sgc_line *ln = &l->lines[i];
        sgc_node *c = sgc_arena_alloc(a, sizeof *c);
        c->kind = SGC_N_CAT;
        c->kids = sgc_arena_alloc(a, (ln->len + 1) * sizeof *c->kids);
        for (size_t k = 0; k < ln->len;) {
            uint32_t cp;
            k += sg_utf8_decode(ln->text + k, ln->len - k, &cp);
            sgc_node *x = sgc_arena_alloc(a, sizeof *x);
            x->kind = SGC_N_SET;
            x->set = sgc_arena_alloc(a, sizeof *x->set);
            x->set[0].lo = x->set[0].hi = cp;
            x->nset = 1;
            c->kids[c->nkids++] = x;
        }
        sgc_node *e = sgc_arena_alloc(a, sizeof *e);
        e->kind = SGC_N_END;
        c->kids[c->nkids++] = e;
        u->kids[u->nkids++] = c;
    }
    if (u->nkids == 0)
        u->kind = SGC_N_NEVER;
    return u;
}

static void header(sgc_str *o, const sgc_siglists *s, const char *what)
{
    sgc_str_printf(o, "/* generated by: sigc build %s (%s; do not edit) */\n", s->dir, what);
    sgc_str_adds(o, "/* Python re.match(\"|\".join(lines), s) as one DFA over the WTF-8 bytes of s and a\n"
                    " * virtual end byte 0xFF (for $ and \\Z); see docs/sigc.md. */\n");
}

/* The UTF-8 bytes of a lowered line that is a plain literal (optionally followed by the end
 * marker: then *exact). Returns 0 when the line needs a DFA. */
static int literal_bytes(const sgc_node *n, sgc_str *out, int *exact)
{
    out->len = 0;
    sgc_str_add(out, "", 0);
    *exact = 0;
    const sgc_node *one[1] = {n};
    const sgc_node *const *kids = one;
    size_t nk = 1;
    if (n->kind == SGC_N_CAT) {
        kids = (const sgc_node *const *)n->kids;
        nk = n->nkids;
    }
    for (size_t i = 0; i < nk; i++) {
        const sgc_node *k = kids[i];
        if (k->kind == SGC_N_END && i + 1 == nk && i > 0) {
            *exact = 1;
            break;
        }
        if (!single(k))
            return 0;
        unsigned char b[4];
        size_t m = utf8_enc(k->set[0].lo, b);
        sgc_str_add(out, (const char *)b, m);
    }
    return out->len > 0;
}

/* Bytes as the inside of a C string literal (octal escapes keep it unambiguous). */
static const char *c_string(sgc_str *o, const char *s, size_t len)
{
    o->len = 0;
    sgc_str_add(o, "", 0);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '?')
            sgc_str_add(o, (const char *)&c, 1);
        else
            sgc_str_printf(o, "\\%03o", c);
    }
    return o->p;
}

/* Pattern text inside a C comment: no comment delimiters, no control bytes. */
static const char *comment_escape(sgc_str *o, const char *s, size_t len)
{
    o->len = 0;
    sgc_str_add(o, "", 0);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c == 0x7F)
            sgc_str_printf(o, "\\x%02x", c);
        else if (c == '/' && ((i + 1 < len && s[i + 1] == '*') || (i > 0 && s[i - 1] == '*')))
            sgc_str_adds(o, "\\/");
        else
            sgc_str_add(o, (const char *)&c, 1);
    }
    return o->p;
}

int sgc_emit_all(const sgc_siglists *s, const char *outdir, const sgc_emit_opts *o, sgc_diags *d)
{
    char tmp[4096];
    mkdir(outdir, 0777);
    snprintf(tmp, sizeof tmp, "%.2000s/.sigc-tmp.XXXXXX", outdir);
    if (!mkdtemp(tmp)) {
        sgc_diag_add(d, SGC_ERROR, NULL, outdir, 0, 0, NULL, "cannot create a temporary directory: %s",
                     strerror(errno));
        return -1;
    }
    sgc_arena a;
    memset(&a, 0, sizeof a);
    int rc = 0;
    static const char *fnames[SGC_NLISTS] = {"match_irrelevant", "match_prefix", "match_line_numbers",
                                             "match_trim_dll", "sentinels"};
    /* one file per regex list */
    for (int li = 0; li < SGC_L_SENTINELS; li++) {
        const sgc_list *l = &s->lists[li];
        job j;
        memset(&j, 0, sizeof j);
        snprintf(j.name, sizeof j.name, "%s", fnames[li]);
        defs df;
        memset(&df, 0, sizeof df);
        sgc_str body = {0}, head = {0}, proto = {0};
        char what[256];
        snprintf(what, sizeof what, "%s: %zu patterns%s", l->file, l->n, l->present ? "" : ", file absent");
        header(&head, s, what);
        sgc_str_adds(&head, "#include \"matchers.h\"\n\n");
        sgc_str_printf(&proto, "int sg_match_%s(const char *s, size_t len)", l->name);
        size_t reach = 0;
        if (!l->present) {
            sgc_str_printf(&body, "%s\n{\n    (void)s;\n    (void)len;\n    return 0; /* list absent */\n}\n",
                           proto.p);
        } else
        {
            char base[64];
            snprintf(base, sizeof base, "m_%s", l->name);
            reach = emit_grouped(&a, &df, &body, proto.p, base, list_union(&a, l));
        }
        if (reach == NO_BOUND)
            sgc_str_printf(&body, "\nconst size_t sg_match_%s_reach = (size_t)-1; /* no bound */\n", l->name);
        else
            sgc_str_printf(&body, "\nconst size_t sg_match_%s_reach = %zu;\n", l->name, reach);
        spec_finish(&j.spec, head.p, &df, &body);
        if (run_job(o, tmp, &j, l, l->path, d) < 0)
            rc = -1;
        sgc_str_free(&body);
        sgc_str_free(&head);
        sgc_str_free(&proto);
        sgc_str_free(&df.text);
        free(df.sets);
        sgc_str_free(&j.spec);
    }
    /* sentinels.c: the exact lookup, which lists were present, the digest */
    {
        const sgc_list *l = &s->lists[SGC_L_SENTINELS];
        job j;
        memset(&j, 0, sizeof j);
        snprintf(j.name, sizeof j.name, "sentinels");
        defs df;
        memset(&df, 0, sizeof df);
        sgc_str body = {0}, head = {0}, esc = {0};
        char what[256];
        snprintf(what, sizeof what, "%s: %zu sentinels", l->file, l->n);
        header(&head, s, what);
        sgc_str_adds(&head, "#include \"matchers.h\"\n\n");
        sgc_str_adds(&body, "const sg_listinfo sg_lists[5] = {\n");
        for (int li = 0; li < SGC_NLISTS; li++)
            sgc_str_printf(&body, "    {\"%s\", \"%s\", %d, %zuu},\n", s->lists[li].name,
                           s->lists[li].file, s->lists[li].present, s->lists[li].n);
        sgc_str_printf(&body, "};\nconst char sg_siglists_sha256[65] = \"%s\";\n\n", s->sha256);
        /* Socorro quirk: sentinels are compared with ==, never as regexes (rules.py) */
        emit_grouped(&a, &df, &body, "static int sentinel_match(const char *s, size_t len)", "m_sentinel",
                     sentinel_union(&a, l, 0, 0));
        /* a length no sentinel has (nearly every frame's) settles it without the DFA */
        size_t top = 0, *nbytes = sgc_arena_alloc(&a, (l->n + 1) * sizeof *nbytes);
        for (size_t i = 0; i < l->n; i++) {
            nbytes[i] = 0;
            for (size_t k = 0; k < l->lines[i].len;) {
                uint32_t cp;
                char enc[4];
                k += sg_utf8_decode(l->lines[i].text + k, l->lines[i].len - k, &cp);
                nbytes[i] += sg_utf8_encode(cp, enc); /* as sentinel_union spells it */
            }
            top = nbytes[i] > top ? nbytes[i] : top;
        }
        sgc_str_printf(&body, "\n/* 1 for each length in bytes some sentinel has */\n"
                              "static const unsigned char sentinel_length[%zu] = {", top + 1);
        for (size_t len = 0; len <= top; len++) {
            int has = 0;
            for (size_t i = 0; i < l->n && !has; i++)
                has = nbytes[i] == len;
            sgc_str_printf(&body, "%s%d", len ? ", " : "", has);
        }
        sgc_str_printf(&body, "};\n\nint sg_is_sentinel(const char *s, size_t len)\n{\n"
                              "    return len <= %zuu && sentinel_length[len] && sentinel_match(s, len);\n}\n",
                       top);
        spec_finish(&j.spec, head.p, &df, &body);
        if (run_job(o, tmp, &j, NULL, l->path, d) < 0)
            rc = -1;
        sgc_str_free(&body);
        sgc_str_free(&head);
        sgc_str_free(&esc);
        sgc_str_free(&df.text);
        free(df.sets);
        sgc_str_free(&j.spec);
    }
    /* match_lines.c: one small DFA per line, for `sgmatch --lines` */
    {
        job j;
        memset(&j, 0, sizeof j);
        snprintf(j.name, sizeof j.name, "match_lines");
        defs df;
        memset(&df, 0, sizeof df);
        sgc_str body = {0}, head = {0}, table = {0}, esc = {0}, lit = {0};
        header(&head, s, "one matcher per pattern line, for sgmatch --lines");
        sgc_str_adds(&head,
                     "#include <stddef.h>\n"
                     "/* One per pattern line: match is NULL when the verdict does not depend on s\n"
                     " * (then it is `constant`); otherwise s must end with the byte 0xFF. */\n"
                     "typedef struct sg_line_matcher {\n"
                     "    const char *list;  /* matchers.h list name */\n"
                     "    unsigned line;     /* 1-based physical line in the list file */\n"
                     "    int constant;\n"
                     "    int (*match)(const unsigned char *s);\n"
                     "    /* a plain literal line needs no DFA: s starts with lit (equals it when exact) */\n"
                     "    const char *lit;\n"
                     "    size_t litlen;\n"
                     "    int exact;\n"
                     "} sg_line_matcher;\n"
                     "extern const sg_line_matcher sg_line_matchers[];\n"
                     "extern const size_t sg_line_matchers_n;\n\n");
        size_t count = 0;
        sgc_str_adds(&table, "const sg_line_matcher sg_line_matchers[] = {\n");
        for (int li = 0; li < SGC_NLISTS; li++) {
            const sgc_list *l = &s->lists[li];
            for (size_t k = 0; k < l->n; k++) {
                const sgc_line *ln = &l->lines[k];
                sgc_node *n = li == SGC_L_SENTINELS ? sentinel_union(&a, l, k, 1) : ln->low;
                if (!n)
                    continue;
                char fname[128];
                snprintf(fname, sizeof fname, "l_%s_%u", l->name, ln->lineno);
                int m = classify(n);
                int exact = 0;
                if (m == M_DFA && literal_bytes(n, &lit, &exact)) {
                    sgc_str_printf(&table, "    {\"%s\", %uu, 0, NULL, \"%s\", %zuu, %d},\n", l->name,
                                   ln->lineno, c_string(&esc, lit.p, lit.len), lit.len, exact);
                } else if (m == M_DFA) {
                    sgc_str_printf(&body, "/* %s:%u: %s */\n", l->file, ln->lineno,
                                   comment_escape(&esc, ln->text, ln->len));
                    emit_dfa(&df, &body, fname, n);
                    sgc_str_printf(&table, "    {\"%s\", %uu, 0, %s, NULL, 0u, 0},\n", l->name,
                                   ln->lineno, fname);
                } else
                    sgc_str_printf(&table, "    {\"%s\", %uu, %d, NULL, NULL, 0u, 0},\n", l->name,
                                   ln->lineno, m == M_ALWAYS);
                count++;
            }
        }
        if (!count)
            sgc_str_adds(&table, "    {NULL, 0u, 0, NULL, NULL, 0u, 0},\n");
        sgc_str_printf(&table, "};\nconst size_t sg_line_matchers_n = %zu;\n", count);
        sgc_str_add(&body, table.p, table.len);
        spec_finish(&j.spec, head.p, &df, &body);
        if (rc == 0 && run_job(o, tmp, &j, NULL, s->dir, d) < 0)
            rc = -1;
        sgc_str_free(&body);
        sgc_str_free(&head);
        sgc_str_free(&lit);
        sgc_str_free(&table);
        sgc_str_free(&esc);
        sgc_str_free(&df.text);
        free(df.sets);
        sgc_str_free(&j.spec);
    }
    static const char *outputs[] = {"match_irrelevant", "match_prefix", "match_line_numbers",
                                    "match_trim_dll", "sentinels", "match_lines"};
    for (size_t i = 0; i < sizeof outputs / sizeof outputs[0]; i++) {
        if (rc == 0 && install(tmp, outdir, outputs[i], d) < 0)
            rc = -1;
        char left[4200];
        snprintf(left, sizeof left, "%.2000s/%s.c", tmp, outputs[i]);
        unlink(left);
    }
    if (rmdir(tmp) < 0)
        sgc_diag_add(d, SGC_WARNING, NULL, tmp, 0, 0, NULL, "cannot remove: %s", strerror(errno));
    sgc_arena_free(&a);
    return rc;
}

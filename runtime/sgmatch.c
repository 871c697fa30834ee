/* sgmatch.c — the `sgmatch` tool: runs the generated siglist matchers on JSON strings read
 * one per line, to check them against Python and to answer "which rule caught this frame?".
 * Runtime tool (linked with generated/match_lines.c as well as the library). */
#include "arena.h"
#include "jsonstr.h"
#include "matchers.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Defined by generated/match_lines.c (sigc build), which only this tool links. */
typedef struct sg_line_matcher {
    const char *list;
    unsigned line;
    int constant;                          /* the verdict when match and lit are NULL */
    int (*match)(const unsigned char *s);  /* s must end with the byte 0xFF */
    const char *lit;                       /* a plain literal line: s starts with it */
    size_t litlen;
    int exact;                             /* ... and ends there */
} sg_line_matcher;
extern const sg_line_matcher sg_line_matchers[];
extern const size_t sg_line_matchers_n;

static const char *usage =
    "usage: sgmatch [--lines] LIST < strings.jsonl\n"
    "\n"
    "LIST is one of irrelevant, prefix, line_numbers, trim_dll, sentinels (the lists this\n"
    "sgmatch was built with). Reads one JSON string per line on stdin and prints, per line:\n"
    "  1 or 0       whether the list matches (Python: re.match(\"|\".join(lines), s);\n"
    "               sentinels: s equals one of the lines)\n"
    "  [3,17]       with --lines: the 1-based line numbers in the list file whose own\n"
    "               pattern matches (\"which rule caught this frame?\")\n"
    "A line that is not one JSON string prints `error` (so output stays line-aligned), a\n"
    "message naming the line goes to stderr, and sgmatch exits 1 after reading everything.\n"
    "Exit status: 0 all lines answered, 1 some input lines were bad, 2 usage.\n";

typedef int (*matcher)(const char *, size_t);

static matcher find_list(const char *name)
{
    static const struct {
        const char *name;
        matcher fn;
    } lists[] = {
        {"irrelevant", sg_match_irrelevant}, {"prefix", sg_match_prefix},
        {"line_numbers", sg_match_line_numbers}, {"trim_dll", sg_match_trim_dll},
        {"sentinels", sg_is_sentinel},
    };
    for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++)
        if (!strcmp(lists[i].name, name))
            return lists[i].fn;
    return NULL;
}

/* Reads one line of any length (without '\n'); returns 0 at EOF. */
static int read_line(FILE *f, sg_buf *b)
{
    sg_buf_reset(b);
    int c, any = 0;
    while ((c = getc(f)) != EOF) {
        any = 1;
        if (c == '\n')
            break;
        sg_buf_addc(b, (char)c);
    }
    return any;
}

int main(int argc, char **argv)
{
    int lines = 0;
    const char *list = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            fputs(usage, stdout);
            return 0;
        }
        if (!strcmp(argv[i], "--lines"))
            lines = 1;
        else if (!list && argv[i][0] != '-')
            list = argv[i];
        else {
            fprintf(stderr, "sgmatch: unexpected argument '%s'\n%s", argv[i], usage);
            return 2;
        }
    }
    matcher fn = list ? find_list(list) : NULL;
    if (!fn) {
        fprintf(stderr, "sgmatch: %s\n%s", list ? "unknown list" : "missing LIST", usage);
        return 2;
    }
    sg_buf in, s, out;
    sg_buf_init(&in);
    sg_buf_init(&s);
    sg_buf_init(&out);
    unsigned long lineno = 0, bad = 0;
    while (read_line(stdin, &in)) {
        lineno++;
        sg_buf_reset(&s);
        size_t len = in.len, errpos = 0;
        const char *errmsg = NULL;
        const char *p = in.p ? in.p : "";
        while (len && (p[len - 1] == '\r' || p[len - 1] == ' ' || p[len - 1] == '\t'))
            len--;
        size_t start = 0;
        while (start < len && (p[start] == ' ' || p[start] == '\t'))
            start++;
        size_t used = start < len && p[start] == '"'
                          ? sg_json_decode_string(p + start, len - start, &s, &errpos, &errmsg)
                          : 0;
        if (used == 0 || start + used != len || s.failed) {
            if (!errmsg)
                errmsg = used ? "extra data after the string" : "not a JSON string";
            fprintf(stderr, "sgmatch: stdin:%lu: %s\n", lineno, errmsg);
            fputs("error\n", stdout);
            bad++;
            continue;
        }
        const char *str = s.p ? s.p : "";
        if (!lines) {
            fputs(fn(str, s.len) ? "1\n" : "0\n", stdout);
            continue;
        }
        sg_buf_addc(&s, (char)0xFF); /* the end byte the per-line DFAs stop at */
        sg_buf_reset(&out);
        sg_buf_addc(&out, '[');
        int first = 1;
        for (size_t k = 0; k < sg_line_matchers_n; k++) {
            const sg_line_matcher *m = &sg_line_matchers[k];
            if (!m->list || strcmp(m->list, list) != 0)
                continue;
            int hit;
            if (m->lit)
                hit = (m->exact ? s.len - 1 == m->litlen : s.len - 1 >= m->litlen) &&
                      memcmp(s.p, m->lit, m->litlen) == 0;
            else
                hit = m->match ? m->match((const unsigned char *)s.p) : m->constant;
            if (!hit)
                continue;
            char num[32];
            snprintf(num, sizeof num, first ? "%u" : ", %u", m->line);
            sg_buf_adds(&out, num);
            first = 0;
        }
        sg_buf_adds(&out, "]\n");
        fwrite(out.p, 1, out.len, stdout);
    }
    sg_buf_free(&in);
    sg_buf_free(&s);
    sg_buf_free(&out);
    if (fflush(stdout) != 0) {
        perror("sgmatch: stdout");
        return 1;
    }
    if (bad)
        fprintf(stderr, "sgmatch: %lu bad input line%s\n", bad, bad == 1 ? "" : "s");
    return bad ? 1 : 0;
}

/* siglist.c — reads a siglists directory the way Socorro's siglists_utils does: bytes split
 * on '\n', each line decoded as strict UTF-8 and str.strip()ped (Unicode whitespace too),
 * empty and '#' lines skipped; then every pattern is parsed and lowered. Compiler stage. */
#include "siglist.h"
#include "unicode.h"
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static const struct {
    const char *name, *file;
    int required, is_regex;
} list_defs[SGC_NLISTS] = {
    {"irrelevant", "irrelevant_signature_re.txt", 1, 1},
    {"prefix", "prefix_signature_re.txt", 1, 1},
    {"line_numbers", "signatures_with_line_numbers_re.txt", 1, 1},
    {"trim_dll", "trim_dll_signature_re.txt", 0, 1},
    {"sentinels", "signature_sentinels.txt", 1, 0},
};

void sgc_line_diag(sgc_diags *d, sgc_severity sev, const char *wname, const sgc_list *l,
                   const sgc_line *ln, unsigned pos, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    sgc_diag_add(d, sev, wname, l->path, ln->lineno, ln->col0 + pos + 1, ln->phys, "%s", msg);
}

/* Strict UTF-8 (Python's "utf-8" codec): no overlongs, no surrogates, nothing past U+10FFFF.
 * Returns the byte offset of the first bad byte, or len. */
static size_t utf8_check(const unsigned char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        unsigned char c = s[i];
        size_t n;
        uint32_t min, cp;
        if (c < 0x80) {
            i++;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            n = 2; min = 0x80; cp = c & 0x1Fu;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 3; min = 0x800; cp = c & 0x0Fu;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 4; min = 0x10000; cp = c & 0x07u;
        } else
            return i;
        if (i + n > len)
            return i;
        for (size_t k = 1; k < n; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (s[i + k] & 0x3Fu);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += n;
    }
    return len;
}

static unsigned count_cps(const char *s, size_t n)
{
    unsigned c = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            c++;
    return c;
}

/* Length of the last code point ending at s+n (valid UTF-8). */
static size_t last_cp(const char *s, size_t n, uint32_t *cp)
{
    size_t k = n - 1;
    while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
        k--;
    sg_utf8_decode(s + k, n - k, cp);
    return n - k;
}

static void add_line(sgc_siglists *s, sgc_list *l, sgc_line *ln)
{
    (void)s;
    if ((l->n & (l->n - 1)) == 0)
        l->lines = sgc_xrealloc(l->lines, (l->n ? 2 * l->n : 1) * sizeof *l->lines);
    l->lines[l->n++] = *ln;
}

static void read_lines(sgc_siglists *s, sgc_list *l, sgc_diags *d)
{
    const char *p = l->raw, *end = l->raw + l->rawlen;
    unsigned lineno = 0;
    while (p < end) {
        /* Socorro quirk: binary-mode iteration splits on b"\n" only; a "\r" is whitespace that
         * strip() removes (siglists_utils get_signature_list_content) */
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        lineno++;
        size_t plen = (size_t)(le - p);
        char *phys = sgc_xstrndup(p, plen);
        for (size_t i = 0; i < plen; i++)
            if (!phys[i] || phys[i] == '\r')
                phys[i] = ' ';
        size_t bad = utf8_check((const unsigned char *)p, plen);
        if (bad < plen) {
            sgc_diag_add(d, SGC_ERROR, NULL, l->path, lineno, count_cps(p, bad) + 1, NULL,
                         "invalid UTF-8 (byte 0x%02x): Socorro decodes list files strictly",
                         (unsigned char)p[bad]);
            free(phys);
        } else {
            /* Python str.strip(): Unicode whitespace at both ends */
            const char *a = p, *b = le;
            while (a < b) {
                uint32_t cp;
                size_t n = sg_utf8_decode(a, (size_t)(b - a), &cp);
                if (!sg_u_isspace(cp))
                    break;
                a += n;
            }
            while (b > a) {
                uint32_t cp;
                size_t n = last_cp(a, (size_t)(b - a), &cp);
                if (!sg_u_isspace(cp))
                    break;
                b -= n;
            }
            if (a == b || *a == '#') {
                free(phys);
            } else {
                sgc_line ln;
                memset(&ln, 0, sizeof ln);
                ln.lineno = lineno;
                ln.text = sgc_xstrndup(a, (size_t)(b - a));
                ln.len = (size_t)(b - a);
                ln.col0 = count_cps(p, (size_t)(a - p));
                ln.phys = phys;
                add_line(s, l, &ln);
            }
        }
        p = nl ? nl + 1 : end;
    }
}

static void parse_list(sgc_siglists *s, int li, sgc_diags *d)
{
    sgc_list *l = &s->lists[li];
    for (size_t i = 0; i < l->n; i++) {
        sgc_line *ln = &l->lines[i];
        SgcParse p;
        memset(&p, 0, sizeof p);
        p.arena = &s->arena;
        p.pat = ln->text;
        p.patlen = ln->len;
        /* lists are joined with '|' (flags only at the very start); sentinels compile alone */
        p.first_in_list = i == 0 || !l->is_regex;
        p.names = &s->names[li];
        if (ln->len > SGC_MAX_LINE_BYTES) {
            sgc_line_diag(d, SGC_ERROR, NULL, l, ln, 0,
                          "pattern is %zu bytes long (sigc limit %d)", ln->len, SGC_MAX_LINE_BYTES);
            continue;
        }
        /* groups are numbered across the joined pattern (sre counts from 1) */
        if (i == 0 || !l->is_regex)
            s->groups[li] = 1;
        p.groups = s->groups[li];
        if (sgc_regex_parse(&p) < 0) {
            if (l->is_regex || strncmp(p.err, "unsupported:", 12) != 0)
                sgc_line_diag(d, SGC_ERROR, NULL, l, ln, p.err_pos, "%s", p.err);
            s->groups[li] = p.groups;
            continue;
        }
        s->groups[li] = p.groups;
        ln->ast = p.root;
        if (!l->is_regex)
            continue;
        unsigned pos = 0;
        char err[256];
        ln->low = sgc_lower(&p, p.root, &pos, err, sizeof err);
        if (!ln->low)
            sgc_line_diag(d, SGC_ERROR, NULL, l, ln, pos, "%s", err);
    }
}

unsigned sgc_siglists_load(sgc_siglists *s, const char *dir, sgc_diags *d)
{
    unsigned before = d->errors;
    memset(s, 0, sizeof *s);
    s->dir = dir;
    for (int i = 0; i < SGC_NLISTS; i++) {
        sgc_list *l = &s->lists[i];
        l->name = list_defs[i].name;
        l->file = list_defs[i].file;
        l->required = list_defs[i].required;
        l->is_regex = list_defs[i].is_regex;
        size_t n = strlen(dir) + strlen(l->file) + 2;
        l->path = sgc_xmalloc(n);
        snprintf(l->path, n, "%s/%s", dir, l->file);
        l->raw = sgc_read_file(l->path, &l->rawlen);
        if (!l->raw) {
            if (errno != ENOENT || l->required)
                sgc_diag_add(d, SGC_ERROR, NULL, l->path, 0, 0, NULL, "cannot read: %s%s",
                             strerror(errno), l->required ? " (Socorro needs this list)" : "");
            continue;
        }
        l->present = 1;
        read_lines(s, l, d);
        parse_list(s, i, d);
    }
    sgc_siglists_digest(s, s->sha256);
    return d->errors - before;
}

void sgc_siglists_free(sgc_siglists *s)
{
    for (int i = 0; i < SGC_NLISTS; i++) {
        sgc_list *l = &s->lists[i];
        for (size_t k = 0; k < l->n; k++) {
            free(l->lines[k].text);
            free(l->lines[k].phys);
        }
        free(l->lines);
        free(l->raw);
        free(l->path);
        sgc_names_free(&s->names[i]);
    }
    sgc_arena_free(&s->arena);
}

void sgc_siglists_digest(const sgc_siglists *s, char hex[65])
{
    sgc_str b = {0};
    for (int i = 0; i < SGC_NLISTS; i++) {
        const sgc_list *l = &s->lists[i];
        if (!l->present)
            continue;
        sgc_str_printf(&b, "%s\n%zu\n", l->file, l->rawlen);
        sgc_str_add(&b, l->raw, l->rawlen);
    }
    unsigned char h[32];
    sgc_sha256((const unsigned char *)(b.p ? b.p : ""), b.len, h);
    for (int i = 0; i < 32; i++)
        snprintf(hex + 2 * i, 3, "%02x", h[i]);
    sgc_str_free(&b);
}

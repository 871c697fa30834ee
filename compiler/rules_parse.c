/* rules_parse.c — reads a pipeline.rules file: drives the re2c lexer (rules_lex.re) and the
 * Lemon parser (rules.y) into an rnode tree, with file:line:col diagnostics. Compiler stage. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules_ast.h"
#include "rules.h"

void *sgcRulesParseAlloc(void *(*mallocProc)(size_t));
void sgcRulesParse(void *parser, int major, rtok minor, rparse *p);
void sgcRulesParseFree(void *parser, void (*freeProc)(void *));

rnode *rn_new(rparse *p, rn_kind k, rtok t)
{
    rnode *n = sgc_arena_alloc(p->arena, sizeof *n);
    n->kind = k;
    n->line = t.line;
    n->col = t.col;
    n->s = t.s;
    n->len = t.len;
    return n;
}

rnode *rn_append(rnode *list, rnode *item)
{
    if (!list)
        return item;
    rnode *t = list;
    while (t->next)
        t = t->next;
    t->next = item;
    return list;
}

/* The physical source line (for the caret display). */
static char *line_text(rparse *p, unsigned line)
{
    const char *s = p->src, *end = p->src + p->src_len;
    for (unsigned l = 1; l < line && s < end; s++)
        if (*s == '\n')
            l++;
    const char *e = s;
    while (e < end && *e != '\n' && *e != '\r')
        e++;
    return sgc_xstrndup(s, (size_t)(e - s));
}

void rn_error(rparse *p, unsigned line, unsigned col, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    char *src = line ? line_text(p, line) : NULL;
    sgc_diag_add(p->diags, SGC_ERROR, NULL, p->file, line, col, src, "%s", msg);
    free(src);
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

rnode *rn_string(rparse *p, rtok t)
{
    rnode *n = rn_new(p, RN_STR, t);
    char *out = sgc_arena_alloc(p->arena, t.len * 2 + 1);
    size_t o = 0;
    for (size_t i = 1; i + 1 < t.len; i++) {
        char c = t.s[i];
        if (c != '\\') {
            out[o++] = c;
            continue;
        }
        char e = t.s[++i];
        switch (e) {
        case 'n': out[o++] = '\n'; break;
        case 't': out[o++] = '\t'; break;
        case 'r': out[o++] = '\r'; break;
        case '"': out[o++] = '"'; break;
        case '\\': out[o++] = '\\'; break;
        case 'u': {
            unsigned v = 0;
            int ok = i + 4 < t.len;
            for (int k = 1; ok && k <= 4; k++) {
                int h = hexval(t.s[i + (size_t)k]);
                ok = h >= 0;
                v = v * 16 + (unsigned)(h < 0 ? 0 : h);
            }
            if (!ok || v == 0 || (v >= 0xD800 && v <= 0xDFFF)) {
                rn_error(p, t.line, t.col + (unsigned)i - 1, "bad \\u escape in string");
                break;
            }
            i += 4;
            if (v < 0x80) {
                out[o++] = (char)v;
            } else if (v < 0x800) {
                out[o++] = (char)(0xC0 | (v >> 6));
                out[o++] = (char)(0x80 | (v & 0x3F));
            } else {
                out[o++] = (char)(0xE0 | (v >> 12));
                out[o++] = (char)(0x80 | ((v >> 6) & 0x3F));
                out[o++] = (char)(0x80 | (v & 0x3F));
            }
            break;
        }
        default:
            rn_error(p, t.line, t.col + (unsigned)i - 1, "unknown escape '\\%c' in string", e);
        }
    }
    out[o] = 0;
    n->s = out;
    n->len = o;
    return n;
}

int sgc_rules_parse(rparse *p)
{
    const unsigned char *pos = (const unsigned char *)p->src;
    const unsigned char *lim = pos + p->src_len, *start, *line_start = pos;
    unsigned line = 1;
    unsigned errors0 = p->diags->errors;
    void *parser = sgcRulesParseAlloc(malloc);
    p->tail = &p->decls;
    for (;;) {
        const unsigned char *before = pos;
        int tok = sgc_rules_lex(&pos, lim, &start);
        for (const unsigned char *c = before; c < start; c++)
            if (*c == '\n')
                line++, line_start = c + 1;
        rtok t = { (const char *)start, (size_t)(pos - start), line,
                   (unsigned)(start - line_start) + 1 };
        if (tok < 0) {
            rn_error(p, line, t.col, "unexpected character '%c' (or an unterminated string)",
                     *start);
            break;
        }
        sgcRulesParse(parser, tok, t, p);
        if (tok == 0 || p->diags->errors > errors0)
            break;
        for (const unsigned char *c = start; c < pos; c++)
            if (*c == '\n')
                line++, line_start = c + 1;
    }
    sgcRulesParseFree(parser, free);
    return (int)(p->diags->errors - errors0);
}

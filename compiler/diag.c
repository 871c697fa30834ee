/* diag.c — collects and prints sigc diagnostics (ninja/jq style: location, message, source
 * line, caret). Compiler stage. */
#include "diag.h"
#include "util.h"
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void sgc_diag_add(sgc_diags *d, sgc_severity sev, const char *name, const char *file,
                  unsigned line, unsigned col, const char *src, const char *fmt, ...)
{
    if (d->n == d->cap) {
        d->cap = d->cap ? d->cap * 2 : 16;
        d->v = sgc_xrealloc(d->v, d->cap * sizeof *d->v);
    }
    sgc_diag *g = &d->v[d->n++];
    g->sev = sev;
    g->file = sgc_xstrndup(file, strlen(file));
    g->line = line;
    g->col = col;
    g->name = name ? sgc_xstrndup(name, strlen(name)) : NULL;
    g->src = src ? sgc_xstrndup(src, strlen(src)) : NULL;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    g->msg = sgc_xmalloc((size_t)(n < 0 ? 0 : n) + 1);
    va_start(ap, fmt);
    vsnprintf(g->msg, (size_t)(n < 0 ? 0 : n) + 1, fmt, ap);
    va_end(ap);
    if (sev == SGC_ERROR)
        d->errors++;
    else if (sev == SGC_WARNING)
        d->warnings++;
}

/* The caret goes under code point col of src: count UTF-8 lead bytes, keep tabs as tabs so
 * the caret lines up in a terminal. */
static void print_caret(FILE *out, const char *src, unsigned col)
{
    unsigned cp = 1;
    for (const unsigned char *p = (const unsigned char *)src; *p && cp < col; p++) {
        if ((*p & 0xC0) == 0x80)
            continue;
        fputc(*p == '\t' ? '\t' : ' ', out);
        cp++;
    }
    fputs("^\n", out);
}

void sgc_diag_print(const sgc_diags *d, FILE *out, int werror)
{
    for (size_t i = 0; i < d->n; i++) {
        const sgc_diag *g = &d->v[i];
        const char *kind = g->sev == SGC_ERROR ? "error"
                         : g->sev == SGC_NOTE  ? "note"
                         : werror              ? "error"
                                               : "warning";
        fputs(g->file, out);
        if (g->line)
            fprintf(out, ":%u", g->line);
        if (g->line && g->col)
            fprintf(out, ":%u", g->col);
        fprintf(out, ": %s: %s", kind, g->msg);
        if (g->name)
            fprintf(out, " [-W%s%s]", werror ? "error=" : "", g->name);
        fputc('\n', out);
        if (g->src && g->col) {
            fprintf(out, "  %s\n  ", g->src);
            print_caret(out, g->src, g->col);
        }
    }
}

void sgc_diags_free(sgc_diags *d)
{
    for (size_t i = 0; i < d->n; i++) {
        free(d->v[i].file);
        free(d->v[i].name);
        free(d->v[i].msg);
        free(d->v[i].src);
    }
    free(d->v);
    memset(d, 0, sizeof *d);
}

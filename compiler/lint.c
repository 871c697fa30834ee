/* lint.c — warnings for list lines that are legal but probably wrong. Compiler stage.
 * Each warning has a name (docs/errors.md); `sigc lint --werror` makes them errors. */
#include "lint.h"
#include "unicode.h"
#include <stdlib.h>
#include <string.h>

#define LIT_MAX 4096

/* The literal code points every string matched by n starts with (leading single-character
 * elements of a sequence); *whole set when n is exactly that literal. */
static size_t leading_literal(const sgc_node *n, uint32_t *cps, int *whole)
{
    *whole = 0;
    if (n->kind == SGC_N_SET && n->nset == 1 && n->set[0].lo == n->set[0].hi) {
        cps[0] = n->set[0].lo;
        *whole = 1;
        return 1;
    }
    if (n->kind != SGC_N_CAT)
        return 0;
    size_t k = 0;
    while (k < n->nkids && k < LIT_MAX && n->kids[k]->kind == SGC_N_SET && n->kids[k]->nset == 1 &&
           n->kids[k]->set[0].lo == n->kids[k]->set[0].hi) {
        cps[k] = n->kids[k]->set[0].lo;
        k++;
    }
    *whole = k == n->nkids;
    return k;
}

static void lint_regex_list(const sgc_list *l, sgc_diags *d)
{
    if (!l->present)
        return;
    if (l->n == 0) {
        sgc_diag_add(d, SGC_WARNING, "empty-list", l->path, 0, 0, NULL,
                     "no patterns: Python joins them to the empty pattern, which matches every string");
        return;
    }
    uint32_t *a = sgc_xmalloc(LIT_MAX * sizeof *a), *b = sgc_xmalloc(LIT_MAX * sizeof *b);
    for (size_t i = 0; i < l->n; i++) {
        const sgc_line *ln = &l->lines[i];
        int dup = 0;
        for (size_t j = 0; j < i && !dup; j++)
            if (l->lines[j].len == ln->len && memcmp(l->lines[j].text, ln->text, ln->len) == 0) {
                sgc_line_diag(d, SGC_WARNING, "duplicate-line", l, ln, 0, "duplicate of line %u",
                              l->lines[j].lineno);
                dup = 1;
            }
        if (dup || !ln->low)
            continue;
        if (ln->low->kind == SGC_N_NEVER) {
            sgc_line_diag(d, SGC_WARNING, "never-matches", l, ln, 0,
                          "can never match (an anchor leaves nothing to match)");
            continue;
        }
        if (sgc_nullable(ln->low)) {
            sgc_line_diag(d, SGC_WARNING, "empty-match", l, ln, 0,
                          "matches the empty string, so the whole list matches every string");
            continue;
        }
        int wb;
        size_t nb = leading_literal(ln->low, b, &wb);
        for (size_t j = 0; j < i; j++) {
            const sgc_line *e = &l->lines[j];
            if (!e->low)
                continue;
            int wa;
            size_t na = leading_literal(e->low, a, &wa);
            /* sound: earlier line is exactly the literal A and every match of this line starts
             * with A, so wherever this line matches a prefix, the earlier one already did */
            if (wa && na <= nb && memcmp(a, b, na * sizeof *a) == 0) {
                sgc_line_diag(d, SGC_WARNING, "redundant-line", l, ln, 0,
                              "never matters: line %u already matches every string this line matches",
                              e->lineno);
                break;
            }
        }
    }
    free(a);
    free(b);
}

static void lint_sentinels(const sgc_list *l, sgc_diags *d)
{
    if (!l->present)
        return;
    uint32_t *cps = sgc_xmalloc(LIT_MAX * sizeof *cps);
    for (size_t i = 0; i < l->n; i++) {
        const sgc_line *ln = &l->lines[i];
        for (size_t j = 0; j < i; j++)
            if (l->lines[j].len == ln->len && memcmp(l->lines[j].text, ln->text, ln->len) == 0) {
                sgc_line_diag(d, SGC_WARNING, "duplicate-line", l, ln, 0, "duplicate of line %u",
                              l->lines[j].lineno);
                break;
            }
        /* a sentinel is compared with ==; special characters suggest a regex was meant */
        size_t n = 0;
        int literal = ln->ast && sgc_literal(ln->ast, cps, LIT_MAX, &n);
        if (literal) {
            size_t k = 0, m = 0;
            while (k < ln->len && m < n && m < LIT_MAX) {
                uint32_t cp;
                k += sg_utf8_decode(ln->text + k, ln->len - k, &cp);
                if (cp != cps[m++]) {
                    literal = 0;
                    break;
                }
            }
            literal = literal && k == ln->len && m == n;
        }
        if (!literal)
            sgc_line_diag(d, SGC_WARNING, "sentinel-regex", l, ln, 0,
                          "looks like a regular expression, but sentinels are compared as exact strings");
    }
    free(cps);
}

void sgc_lint(const sgc_siglists *s, sgc_diags *d)
{
    for (int i = 0; i < SGC_NLISTS; i++) {
        if (i == SGC_L_SENTINELS)
            lint_sentinels(&s->lists[i], d);
        else
            lint_regex_list(&s->lists[i], d);
    }
}

/* ast.c — regex AST builders for the grammar, and the passes sigc runs on a parsed line:
 * anchors removed (re.match semantics with a virtual end marker), nullable tails dropped
 * (only "does a prefix match?" matters), limits checked. Compiler stage. */
#include "ast.h"
#include "unicode.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void sgc_parse_error(SgcParse *p, unsigned pos, const char *fmt, ...)
{
    if (p->failed)
        return;
    p->failed = 1;
    p->err_pos = pos;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(p->err, sizeof p->err, fmt, ap);
    va_end(ap);
}

void sgc_names_free(sgc_names *ns)
{
    for (size_t k = 0; k < ns->n; k++)
        free(ns->v[k]);
    free(ns->v);
    free(ns->gid);
}

sgc_node *sgc_node_new(SgcParse *p, sgc_nkind kind, unsigned col)
{
    sgc_node *n = sgc_arena_alloc(p->arena, sizeof *n);
    n->kind = kind;
    n->col = col;
    return n;
}

static sgc_node *node_kids(sgc_arena *a, sgc_nkind kind, sgc_node **kids, size_t n, unsigned col)
{
    sgc_node *x = sgc_arena_alloc(a, sizeof *x);
    x->kind = kind;
    x->col = col;
    x->kids = sgc_arena_alloc(a, (n ? n : 1) * sizeof *kids);
    if (n)
        memcpy(x->kids, kids, n * sizeof *kids);
    x->nkids = n;
    return x;
}

sgc_node *sgc_node_add(SgcParse *p, sgc_node *list, sgc_node *kid)
{
    /* kids arrays grow by doubling inside the arena (old copies are abandoned) */
    size_t n = list->nkids;
    if ((n & (n - 1)) == 0) {
        sgc_node **k = sgc_arena_alloc(p->arena, (n ? 2 * n : 1) * sizeof *k);
        if (n)
            memcpy(k, list->kids, n * sizeof *k);
        list->kids = k;
    }
    list->kids[list->nkids++] = kid;
    return list;
}

/* ---- code point sets ---------------------------------------------------------------- */

static int range_cmp(const void *a, const void *b)
{
    const sgc_range *x = a, *y = b;
    return x->lo < y->lo ? -1 : x->lo > y->lo ? 1 : 0;
}

static void set_normalize(sgc_node *s)
{
    if (!s->nset)
        return;
    qsort(s->set, s->nset, sizeof *s->set, range_cmp);
    size_t o = 0;
    for (size_t i = 1; i < s->nset; i++) {
        if (s->set[i].lo <= s->set[o].hi + 1 && s->set[o].hi != UINT32_MAX) {
            if (s->set[i].hi > s->set[o].hi)
                s->set[o].hi = s->set[i].hi;
        } else
            s->set[++o] = s->set[i];
    }
    s->nset = o + 1;
}

static void set_push(SgcParse *p, sgc_node *s, uint32_t lo, uint32_t hi)
{
    size_t n = s->nset;
    if ((n & (n - 1)) == 0) {
        sgc_range *r = sgc_arena_alloc(p->arena, (n ? 2 * n : 1) * sizeof *r);
        if (n)
            memcpy(r, s->set, n * sizeof *r);
        s->set = r;
    }
    s->set[s->nset].lo = lo;
    s->set[s->nset].hi = hi;
    s->nset++;
}

/* Complement within all code points (surrogates included: Python strings may hold them). */
static void set_negate(SgcParse *p, sgc_node *s)
{
    set_normalize(s);
    sgc_range *old = s->set;
    size_t n = s->nset;
    s->set = NULL;
    s->nset = 0;
    uint32_t next = 0;
    for (size_t i = 0; i < n; i++) {
        if (old[i].lo > next)
            set_push(p, s, next, old[i].lo - 1);
        next = old[i].hi + 1;
    }
    if (next <= 0x10FFFF)
        set_push(p, s, next, 0x10FFFF);
}

static void set_add_table(SgcParse *p, sgc_node *s, const sg_urange *t, size_t n)
{
    for (size_t i = 0; i < n; i++)
        set_push(p, s, t[i].lo, t[i].hi);
}

/* \d \w \s with Python's Unicode meaning (str patterns); upper case = complement. */
static void set_add_class(SgcParse *p, sgc_node *s, int kind)
{
    sgc_node tmp;
    memset(&tmp, 0, sizeof tmp);
    tmp.kind = SGC_N_SET;
    switch (kind) {
    case 'd': case 'D': set_add_table(p, &tmp, sg_u_decimal, sg_u_decimal_n); break;
    case 'w': case 'W': set_add_table(p, &tmp, sg_u_word, sg_u_word_n); break;
    case 's': case 'S': set_add_table(p, &tmp, sg_u_space, sg_u_space_n); break;
    case '.': set_push(p, &tmp, '\n', '\n'); break;
    default: break;
    }
    if (kind == 'D' || kind == 'W' || kind == 'S' || kind == '.')
        set_negate(p, &tmp);
    for (size_t i = 0; i < tmp.nset; i++)
        set_push(p, s, tmp.set[i].lo, tmp.set[i].hi);
}

sgc_node *sgc_node_char(SgcParse *p, uint32_t cp, unsigned col)
{
    sgc_node *n = sgc_node_new(p, SGC_N_SET, col);
    set_push(p, n, cp, cp);
    return n;
}

sgc_node *sgc_node_class(SgcParse *p, int kind, unsigned col)
{
    sgc_node *n = sgc_node_new(p, SGC_N_SET, col);
    set_add_class(p, n, kind);
    set_normalize(n);
    return n;
}

sgc_node *sgc_class_add_range(SgcParse *p, sgc_node *cls, uint32_t lo, uint32_t hi)
{
    set_push(p, cls, lo, hi);
    return cls;
}

sgc_node *sgc_class_add_esc(SgcParse *p, sgc_node *cls, int kind)
{
    set_add_class(p, cls, kind);
    return cls;
}

sgc_node *sgc_class_finish(SgcParse *p, sgc_node *cls, int negated)
{
    set_normalize(cls);
    if (negated)
        set_negate(p, cls);
    if (!cls->nset)
        cls->kind = SGC_N_NEVER;
    return cls;
}

sgc_node *sgc_apply_quant(SgcParse *p, sgc_node *seq, const sgc_tok *q)
{
    if (seq->nkids == 0) {
        sgc_parse_error(p, q->pos, "nothing to repeat");
        return seq;
    }
    sgc_node *last = seq->kids[seq->nkids - 1];
    if (last->kind == SGC_N_BOL || last->kind == SGC_N_EOL || last->kind == SGC_N_EOS) {
        sgc_parse_error(p, q->pos, "nothing to repeat");
        return seq;
    }
    if (last->quantified) {
        sgc_parse_error(p, q->pos, "multiple repeat");
        return seq;
    }
    sgc_node *r = node_kids(p->arena, SGC_N_REP, &last, 1, last->col);
    r->min = q->min;
    r->max = q->max;
    r->quantified = 1;
    seq->kids[seq->nkids - 1] = r;
    return seq;
}

/* ---- passes --------------------------------------------------------------------------- */

int sgc_nullable(const sgc_node *n)
{
    switch (n->kind) {
    case SGC_N_EMPTY: return 1;
    case SGC_N_NEVER: case SGC_N_SET: case SGC_N_END: return 0;
    case SGC_N_CAT:
        for (size_t i = 0; i < n->nkids; i++)
            if (!sgc_nullable(n->kids[i]))
                return 0;
        return 1;
    case SGC_N_ALT:
        for (size_t i = 0; i < n->nkids; i++)
            if (sgc_nullable(n->kids[i]))
                return 1;
        return 0;
    case SGC_N_REP: return n->min == 0 || sgc_nullable(n->kids[0]);
    default: return 1; /* anchors are zero-width */
    }
}

int sgc_has_anchor(const sgc_node *n)
{
    if (n->kind == SGC_N_BOL || n->kind == SGC_N_EOL || n->kind == SGC_N_EOS)
        return 1;
    for (size_t i = 0; i < n->nkids; i++)
        if (sgc_has_anchor(n->kids[i]))
            return 1;
    return 0;
}

static int has_bol(const sgc_node *n)
{
    if (n->kind == SGC_N_BOL)
        return 1;
    for (size_t i = 0; i < n->nkids; i++)
        if (has_bol(n->kids[i]))
            return 1;
    return 0;
}

size_t sgc_expanded_size(const sgc_node *n)
{
    size_t s = 1;
    for (size_t i = 0; i < n->nkids; i++) {
        s += sgc_expanded_size(n->kids[i]);
        if (s > (size_t)1 << 40)
            return (size_t)1 << 40;
    }
    if (n->kind == SGC_N_REP) {
        uint64_t k = n->max != SGC_INF ? n->max : (n->min ? n->min : 1);
        uint64_t t = (uint64_t)s * (k ? k : 1);
        return t > ((uint64_t)1 << 40) ? (size_t)1 << 40 : (size_t)t;
    }
    return s;
}

int sgc_literal(const sgc_node *n, uint32_t *cps, size_t max, size_t *ncp)
{
    if (n->kind == SGC_N_SET && n->nset == 1 && n->set[0].lo == n->set[0].hi) {
        if (*ncp < max)
            cps[*ncp] = n->set[0].lo;
        (*ncp)++;
        return 1;
    }
    if (n->kind == SGC_N_EMPTY)
        return 1;
    if (n->kind != SGC_N_CAT && !(n->kind == SGC_N_ALT && n->nkids == 1))
        return 0;
    for (size_t i = 0; i < n->nkids; i++)
        if (!sgc_literal(n->kids[i], cps, max, ncp))
            return 0;
    return 1;
}

/* ---- lowering: anchors and prefix semantics ------------------------------------------ */

typedef struct lower_ctx {
    SgcParse *p;
    unsigned splits;
    int failed;
    unsigned err_pos;
    char *err;
    size_t errsz;
} lower_ctx;

static void lfail(lower_ctx *l, unsigned pos, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void lfail(lower_ctx *l, unsigned pos, const char *fmt, ...)
{
    if (l->failed)
        return;
    l->failed = 1;
    l->err_pos = pos;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(l->err, l->errsz, fmt, ap);
    va_end(ap);
}

/* Where can n end when it starts at a position in `from` (bit i = position i of r, the whole
 * rest of the subject: "" or "\n")? at0: position 0 of r is position 0 of the subject. */
static unsigned ends(const sgc_node *n, unsigned from, const uint32_t *r, unsigned len, int at0)
{
    unsigned out = 0;
    switch (n->kind) {
    case SGC_N_EMPTY: return from;
    case SGC_N_NEVER: return 0;
    case SGC_N_END: return 0;
    case SGC_N_SET:
        for (unsigned p = 0; p < len; p++)
            if (from & (1u << p))
                for (size_t i = 0; i < n->nset; i++)
                    if (r[p] >= n->set[i].lo && r[p] <= n->set[i].hi)
                        out |= 1u << (p + 1);
        return out;
    case SGC_N_CAT:
        out = from;
        for (size_t i = 0; i < n->nkids && out; i++)
            out = ends(n->kids[i], out, r, len, at0);
        return out;
    case SGC_N_ALT:
        for (size_t i = 0; i < n->nkids; i++)
            out |= ends(n->kids[i], from, r, len, at0);
        return out;
    case SGC_N_REP: {
        unsigned cur = from;
        for (uint32_t k = 0; k < n->min && cur; k++) {
            unsigned next = ends(n->kids[0], cur, r, len, at0);
            if (next == cur)
                break; /* fixed point: more iterations change nothing */
            cur = next;
        }
        out = cur;
        for (uint32_t k = n->min; k < n->max && cur; k++) {
            cur = ends(n->kids[0], cur, r, len, at0);
            if ((out | cur) == out)
                break;
            out |= cur;
        }
        return out;
    }
    case SGC_N_BOL: return at0 ? (from & 1u) : 0;
    case SGC_N_EOL:
        return from & ((1u << len) | (len && r[len - 1] == '\n' ? 1u << (len - 1) : 0));
    case SGC_N_EOS: return from & (1u << len);
    }
    return 0;
}

static int tail_matches(sgc_node **e, size_t n, const uint32_t *r, unsigned len, int at0)
{
    unsigned cur = 1;
    for (size_t i = 0; i < n && cur; i++)
        cur = ends(e[i], cur, r, len, at0);
    return cur != 0;
}

static sgc_node *mk(lower_ctx *l, sgc_nkind kind, sgc_node **kids, size_t n, unsigned col)
{
    return node_kids(l->p->arena, kind, kids, n, col);
}

static sgc_node *trim_node(lower_ctx *l, sgc_node *x);

/* Drops the nullable tail of an anchor-free sequence and trims its new last element. */
static sgc_node *trim_list(lower_ctx *l, sgc_node **e, size_t n, unsigned col)
{
    while (n > 0 && sgc_nullable(e[n - 1]))
        n--;
    if (n == 0)
        return mk(l, SGC_N_EMPTY, NULL, 0, col);
    sgc_node **v = sgc_arena_alloc(l->p->arena, n * sizeof *v);
    memcpy(v, e, n * sizeof *v);
    v[n - 1] = trim_node(l, e[n - 1]);
    return mk(l, SGC_N_CAT, v, n, col);
}

static sgc_node *trim_node(lower_ctx *l, sgc_node *x)
{
    switch (x->kind) {
    case SGC_N_CAT: return trim_list(l, x->kids, x->nkids, x->col);
    case SGC_N_ALT: {
        sgc_node *a = mk(l, SGC_N_ALT, x->kids, x->nkids, x->col);
        for (size_t i = 0; i < a->nkids; i++)
            a->kids[i] = trim_node(l, a->kids[i]);
        return a;
    }
    case SGC_N_REP: {
        /* x{m,n} with m >= 1: any match starts with a match of x{m}; keep x{m-1} then x trimmed */
        sgc_node *kid = x->kids[0];
        sgc_node *t = trim_node(l, kid);
        if (x->min <= 1)
            return t;
        sgc_node *r = mk(l, SGC_N_REP, &kid, 1, x->col);
        r->min = r->max = x->min - 1;
        sgc_node *two[2] = {r, t};
        return mk(l, SGC_N_CAT, two, 2, x->col);
    }
    default: return x;
    }
}

static sgc_node *lower_seq(lower_ctx *l, sgc_node **e, size_t n, unsigned col);

static sgc_node *lower_replace(lower_ctx *l, sgc_node **e, size_t n, size_t i, sgc_node **with,
                               size_t nw, unsigned col)
{
    size_t m = n - 1 + nw;
    sgc_node **v = sgc_arena_alloc(l->p->arena, (m ? m : 1) * sizeof *v);
    memcpy(v, e, i * sizeof *v);
    if (nw)
        memcpy(v + i, with, nw * sizeof *v);
    memcpy(v + i + nw, e + i + 1, (n - i - 1) * sizeof *v);
    return lower_seq(l, v, m, col);
}

static sgc_node *with_end(lower_ctx *l, sgc_node **e, size_t n, const uint32_t *r, unsigned len,
                          unsigned col)
{
    sgc_node **v = sgc_arena_alloc(l->p->arena, (n + 2) * sizeof *v);
    memcpy(v, e, n * sizeof *v);
    size_t m = n;
    for (unsigned k = 0; k < len; k++) {
        sgc_node *c = mk(l, SGC_N_SET, NULL, 0, col);
        c->set = sgc_arena_alloc(l->p->arena, sizeof *c->set);
        c->set[0].lo = c->set[0].hi = r[k];
        c->nset = 1;
        v[m++] = c;
    }
    v[m++] = mk(l, SGC_N_END, NULL, 0, col);
    return mk(l, SGC_N_CAT, v, m, col);
}

static sgc_node *lower_seq(lower_ctx *l, sgc_node **e, size_t n, unsigned col)
{
    if (l->failed)
        return mk(l, SGC_N_NEVER, NULL, 0, col);
    size_t i = 0;
    while (i < n && !sgc_has_anchor(e[i]))
        i++;
    if (i == n)
        return trim_list(l, e, n, col);
    sgc_node *k = e[i];
    switch (k->kind) {
    case SGC_N_CAT: return lower_replace(l, e, n, i, k->kids, k->nkids, col);
    case SGC_N_ALT: {
        if (k->nkids == 1)
            return lower_replace(l, e, n, i, k->kids, 1, col);
        if ((l->splits += (unsigned)k->nkids) > SGC_MAX_ANCHOR_SPLIT) {
            lfail(l, k->col, "anchors in alternatives make more than %d branches (sigc limit)",
                  SGC_MAX_ANCHOR_SPLIT);
            return mk(l, SGC_N_NEVER, NULL, 0, col);
        }
        sgc_node *a = mk(l, SGC_N_ALT, NULL, 0, col);
        for (size_t j = 0; j < k->nkids; j++)
            sgc_node_add(l->p, a, lower_replace(l, e, n, i, &k->kids[j], 1, col));
        return a;
    }
    case SGC_N_REP: {
        if (k->max == 0)
            return lower_replace(l, e, n, i, NULL, 0, col);
        if (k->max == SGC_INF || k->max > 8) {
            lfail(l, k->col, "unsupported: an anchor (^ $ \\A \\Z) inside a repeat that is unbounded or above {,8}");
            return mk(l, SGC_N_NEVER, NULL, 0, col);
        }
        /* x{m,n} = x...x (m times) then x? ... x? (n-m times) */
        sgc_node *v[8];
        uint32_t j = 0;
        for (; j < k->min; j++)
            v[j] = k->kids[0];
        for (; j < k->max; j++) {
            v[j] = mk(l, SGC_N_ALT, NULL, 0, k->col);
            sgc_node_add(l->p, v[j], mk(l, SGC_N_EMPTY, NULL, 0, k->col));
            sgc_node_add(l->p, v[j], k->kids[0]);
        }
        return lower_replace(l, e, n, i, v, k->max, col);
    }
    case SGC_N_BOL:
        for (size_t j = 0; j < i; j++)
            if (!sgc_nullable(e[j]))
                return mk(l, SGC_N_NEVER, NULL, 0, col);
        /* everything before ^ matched the empty string at position 0 */
        return lower_seq(l, e + i + 1, n - i - 1, col);
    case SGC_N_EOS:
    case SGC_N_EOL: {
        sgc_node **rest = e + i + 1;
        size_t nrest = n - i - 1;
        int at0 = i == 0;
        if (!at0) {
            int rest_bol = 0;
            for (size_t j = 0; j < nrest; j++)
                rest_bol |= has_bol(rest[j]);
            int pre_nullable = 1;
            for (size_t j = 0; j < i; j++)
                pre_nullable &= sgc_nullable(e[j]);
            if (rest_bol && pre_nullable) {
                lfail(l, k->col, "unsupported: ^ after $ or \\Z behind an optional part");
                return mk(l, SGC_N_NEVER, NULL, 0, col);
            }
        }
        sgc_node *a = mk(l, SGC_N_ALT, NULL, 0, col);
        static const uint32_t nl[1] = {'\n'};
        if (tail_matches(rest, nrest, nl, 0, at0))
            sgc_node_add(l->p, a, with_end(l, e, i, nl, 0, col));
        if (k->kind == SGC_N_EOL && tail_matches(rest, nrest, nl, 1, at0))
            sgc_node_add(l->p, a, with_end(l, e, i, nl, 1, col));
        if (a->nkids == 0)
            return mk(l, SGC_N_NEVER, NULL, 0, col);
        return a;
    }
    default: return trim_list(l, e, n, col);
    }
}

/* Folds NEVER and EMPTY away so emitters see few special cases. */
static sgc_node *simplify(lower_ctx *l, sgc_node *x)
{
    switch (x->kind) {
    case SGC_N_CAT: {
        sgc_node **tmp = sgc_arena_alloc(l->p->arena, (x->nkids ? x->nkids : 1) * sizeof *tmp);
        size_t total = 0;
        for (size_t i = 0; i < x->nkids; i++) {
            tmp[i] = simplify(l, x->kids[i]);
            if (tmp[i]->kind == SGC_N_NEVER)
                return tmp[i];
            total += tmp[i]->kind == SGC_N_EMPTY ? 0 : tmp[i]->kind == SGC_N_CAT ? tmp[i]->nkids : 1;
        }
        sgc_node **v = sgc_arena_alloc(l->p->arena, (total ? total : 1) * sizeof *v);
        size_t o = 0;
        for (size_t i = 0; i < x->nkids; i++) {
            sgc_node *k = tmp[i];
            if (k->kind == SGC_N_CAT) { /* splice nested sequences */
                memcpy(v + o, k->kids, k->nkids * sizeof *v);
                o += k->nkids;
            } else if (k->kind != SGC_N_EMPTY)
                v[o++] = k;
        }
        if (o == 0)
            return mk(l, SGC_N_EMPTY, NULL, 0, x->col);
        if (o == 1)
            return v[0];
        return mk(l, SGC_N_CAT, v, o, x->col);
    }
    case SGC_N_ALT: {
        size_t o = 0;
        int empty = 0;
        x = mk(l, SGC_N_ALT, x->kids, x->nkids, x->col); /* nodes are shared: never mutate */
        for (size_t i = 0; i < x->nkids; i++) {
            sgc_node *k = simplify(l, x->kids[i]);
            if (k->kind == SGC_N_NEVER)
                continue;
            if (k->kind == SGC_N_EMPTY) {
                empty = 1;
                continue;
            }
            x->kids[o++] = k;
        }
        x->nkids = o;
        sgc_node *r = o == 0 ? NULL : o == 1 ? x->kids[0] : x;
        if (!empty)
            return r ? r : mk(l, SGC_N_NEVER, NULL, 0, x->col);
        if (!r)
            return mk(l, SGC_N_EMPTY, NULL, 0, x->col);
        sgc_node *q = mk(l, SGC_N_REP, &r, 1, x->col);
        q->min = 0;
        q->max = 1;
        return q;
    }
    case SGC_N_REP: {
        sgc_node *k = simplify(l, x->kids[0]);
        if (k->kind == SGC_N_NEVER)
            return x->min == 0 ? mk(l, SGC_N_EMPTY, NULL, 0, x->col) : k;
        if (k->kind == SGC_N_EMPTY || x->max == 0)
            return mk(l, SGC_N_EMPTY, NULL, 0, x->col);
        if (x->min == 1 && x->max == 1)
            return k;
        sgc_node *q = mk(l, SGC_N_REP, &k, 1, x->col);
        q->min = x->min;
        q->max = x->max;
        return q;
    }
    default: return x;
    }
}

static void check_limits(lower_ctx *l, const sgc_node *x)
{
    if (l->failed)
        return;
    if (x->kind == SGC_N_REP) {
        uint32_t big = x->max != SGC_INF ? x->max : x->min;
        if (big > SGC_MAX_REPEAT) {
            lfail(l, x->col, "counted repeat {%u%s%s} exceeds the expansion limit of %d",
                  x->min, x->max == x->min ? "" : ",",
                  x->max == x->min ? "" : x->max == SGC_INF ? "" : "...", SGC_MAX_REPEAT);
            return;
        }
    }
    for (size_t i = 0; i < x->nkids; i++)
        check_limits(l, x->kids[i]);
}

sgc_node *sgc_lower(SgcParse *p, sgc_node *root, unsigned *err_pos, char *err, size_t errsz)
{
    lower_ctx l = {p, 0, 0, 0, err, errsz};
    sgc_node *top = mk(&l, SGC_N_ALT, NULL, 0, 0);
    for (size_t i = 0; i < root->nkids; i++) {
        sgc_node *b = root->kids[i];
        sgc_node *one[1] = {b};
        sgc_node *lb = b->kind == SGC_N_CAT ? lower_seq(&l, b->kids, b->nkids, b->col)
                                            : lower_seq(&l, one, 1, b->col);
        sgc_node_add(p, top, lb);
    }
    sgc_node *r = simplify(&l, top);
    check_limits(&l, r);
    if (!l.failed && sgc_expanded_size(r) > SGC_MAX_NODES)
        lfail(&l, 0, "pattern expands to more than %d nodes (sigc AST node limit)", SGC_MAX_NODES);
    if (l.failed) {
        *err_pos = l.err_pos;
        return NULL;
    }
    return r;
}

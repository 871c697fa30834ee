/* normalize.c — Socorro's CSignatureTool.normalize_frame and its C/C++ and Rust function
 * rules (rules.py, utils.py), byte for byte, Python exceptions included. Runtime stage.
 * Strings are WTF-8; every delimiter involved is ASCII, so byte offsets stand in for
 * Python's code-point offsets. */
#include "normalize.h"

#include <stdio.h>
#include <string.h>
#if defined(__SSE2__) && defined(__GNUC__) && !defined(SG_NO_SIMD)
#include <emmintrin.h>
#define SG_SSE2 1
#endif

#include "json_read.h"
#include "matchers.h"
#include "memo.h"
#include "pyval.h"
#include "unicode.h"

const char *const sg_pyexc_name[] = { "", "TypeError", "AttributeError", "IndexError",
                                       "KeyError" };

const char *sg_fv_type(const sg_fv *v) { return v->is_str ? "str" : sg_py_type_name(v->j); }

void sg_fv_str(sg_buf *b, const sg_fv *v)
{
    if (v->is_str)
        sg_buf_add(b, v->s, v->len);
    else
        sg_py_str(b, v->j);
}

static sg_pyexc raise(sg_result *r, sg_pyexc cls, const char *fmt, const char *arg)
{
    r->exc = sg_result_fmt(r, fmt, arg);
    return cls;
}

/* ---- small string helpers (a string is a (p, n) slice) ------------------------------------ */

static int ends_with_n(const char *s, size_t n, const char *suf, size_t k)
{
    /* the last byte first: it rules out nearly every string without a call */
    return n >= k && s[n - 1] == suf[k - 1] && memcmp(s + n - k, suf, k - 1) == 0;
}
#define ends_with(s, n, lit) ends_with_n(s, n, lit, sizeof lit - 1)
#define starts_with(s, n, lit) ((n) >= sizeof lit - 1 && memcmp(s, lit, sizeof lit - 1) == 0)

/* The index of m's highest set bit (m != 0). */
static inline unsigned highest_bit(unsigned m)
{
#ifdef __GNUC__
    return 31u - (unsigned)__builtin_clz(m);
#else
    unsigned b = 31;
    while (!(m & 1u << b))
        b--;
    return b;
#endif
}

/* The index of m's lowest set bit (m != 0). */
static inline unsigned lowest_bit(unsigned m)
{
#ifdef __GNUC__
    return (unsigned)__builtin_ctz(m);
#else
    unsigned b = 0;
    while (!(m & 1u << b))
        b++;
    return b;
#endif
}

/* memcmp(a, b, n) == 0 for the few bytes between a needle's ends, without the call. */
static inline int same_bytes(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (a[i] != b[i])
            return 0;
    return 1;
}

/* Bit p set when needle's first and last bytes are at p and p + k - 1 of the sixteen start
 * positions from s (both loads inside the string). */
#ifdef SG_SSE2
static inline unsigned ends_mask(const char *s, size_t k, __m128i first, __m128i last)
{
    __m128i a = _mm_loadu_si128((const __m128i *)(const void *)s);
    __m128i z = _mm_loadu_si128((const __m128i *)(const void *)(s + k - 1));
    return (unsigned)_mm_movemask_epi8(
        _mm_and_si128(_mm_cmpeq_epi8(a, first), _mm_cmpeq_epi8(z, last)));
}

/* Whether one of the start positions at base + each bit of m begins needle or alt. */
static inline int candidates(const char *base, unsigned m, const char *needle, const char *alt,
                             size_t k)
{
    for (; m; m &= m - 1) {
        const char *p = base + lowest_bit(m) + 1;
        if (same_bytes(p, needle + 1, k - 2) || (alt != needle && same_bytes(p, alt + 1, k - 2)))
            return 1;
    }
    return 0;
}
#endif

/* Whether needle or alt (2 <= k <= 16 bytes each: the literals below; alt has needle's first
 * and last bytes) occurs in s. Only where both those bytes match is the rest compared,
 * sixteen start positions at a time; a short string is read from a padded copy, a long
 * one's last block overlaps the one before. */
static int contains_n(const char *s, size_t n, const char *needle, const char *alt, size_t k)
{
    if (n < k)
        return 0;
    size_t last = n - k; /* the last start position */
#ifdef SG_SSE2
    const __m128i lo = _mm_set1_epi8(needle[0]), hi = _mm_set1_epi8(needle[k - 1]);
    if (last < 16) {
        char pad[48] = { 0 };
        memcpy(pad, s, n);
        return candidates(pad, ends_mask(pad, k, lo, hi) & ((2u << last) - 1), needle, alt, k);
    }
    size_t i = 0;
    for (; i + 15 <= last; i += 16)
        if (candidates(s + i, ends_mask(s + i, k, lo, hi), needle, alt, k))
            return 1;
    return i <= last &&
           candidates(s + last - 15, ends_mask(s + last - 15, k, lo, hi), needle, alt, k);
#else
    for (size_t i = 0; i <= last; i++)
        if (s[i] == needle[0] && (same_bytes(s + i + 1, needle + 1, k - 1) ||
                                  (alt != needle && same_bytes(s + i + 1, alt + 1, k - 1))))
            return 1;
    return 0;
#endif
}
#define contains(s, n, lit) contains_n(s, n, lit, lit, sizeof lit - 1)
#define contains_either(s, n, lit, alt) contains_n(s, n, lit, alt, sizeof lit - 1)

/* ---- byte-set scans: the delimiters of a string in order, sixteen bytes at a time ------- */

#ifdef SG_SSE2
/* The sixteen bytes from s + at (at < n): in place; or, when fewer remain, the string's last
 * sixteen, *shift of them before at; or a NUL-padded copy of a string under sixteen bytes. */
static inline __m128i load_block(const char *s, size_t n, size_t at, unsigned *shift)
{
    *shift = 0;
    if (n - at >= 16)
        return _mm_loadu_si128((const __m128i *)(const void *)(s + at));
    if (n >= 16) {
        *shift = (unsigned)(16 - (n - at));
        return _mm_loadu_si128((const __m128i *)(const void *)(s + n - 16));
    }
    char tail[16] = { 0 }; /* NUL is never in a set */
    memcpy(tail, s + at, n - at);
    return _mm_loadu_si128((const __m128i *)(const void *)tail);
}
#endif

/* Bit i set when s[at + i] (i < 16, inside s[0..n)) is one of the k bytes of set (never NUL).
 * Inlined with a constant set, each byte is one compare against a constant. */
static inline unsigned block_mask(const char *s, size_t n, size_t at, const char *set, int k)
{
#ifdef SG_SSE2
    unsigned shift;
    __m128i v = load_block(s, n, at, &shift), hit = _mm_setzero_si128();
#pragma GCC unroll 16
    for (int j = 0; j < k; j++)
        hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, _mm_set1_epi8(set[j])));
    return (unsigned)_mm_movemask_epi8(hit) >> shift;
#else
    unsigned m = 0;
    for (size_t i = 0; i < n - at && i < 16; i++)
        for (int j = 0; j < k; j++)
            if (s[at + i] == set[j])
                m |= 1u << i;
    return m;
#endif
}

/* Where a scan of s[0..n) stands: the block at `at` and its bits not yet returned. Each call
 * names the same set (a constant, so the compares fold). */
typedef struct scan {
    const char *s;
    size_t n, at;
    unsigned mask;
} scan;

static inline scan scan_start(const char *s, size_t n, const char *set, int k)
{
    scan sc = { s, n, 0, n ? block_mask(s, n, 0, set, k) : 0 };
    return sc;
}

/* The next position of one of set's bytes, or n at the end. */
static inline size_t scan_next(scan *sc, const char *set, int k)
{
    while (!sc->mask) {
        sc->at += 16;
        if (sc->at >= sc->n)
            return sc->n;
        sc->mask = block_mask(sc->s, sc->n, sc->at, set, k);
    }
    size_t i = sc->at + lowest_bit(sc->mask);
    sc->mask &= sc->mask - 1;
    return i;
}

/* Which of the k (at most 8) bytes of set s[0..n) holds: bit j for set[j], in one pass. A
 * step whose delimiter is absent cannot change the string and is skipped; the bits of a
 * whole function still hold (as an upper bound) for the parts later steps keep of it. */
static inline unsigned present(const char *s, size_t n, const char *set, int k)
{
    unsigned bits = 0;
#ifdef SG_SSE2
    __m128i seen[8];
#pragma GCC unroll 8
    for (int j = 0; j < k; j++)
        seen[j] = _mm_setzero_si128();
    for (size_t at = 0; at < n; at += 16) {
        unsigned shift; /* bytes seen twice: harmless here */
        __m128i v = load_block(s, n, at, &shift);
#pragma GCC unroll 8
        for (int j = 0; j < k; j++)
            seen[j] = _mm_or_si128(seen[j], _mm_cmpeq_epi8(v, _mm_set1_epi8(set[j])));
    }
#pragma GCC unroll 8
    for (int j = 0; j < k; j++)
        if (_mm_movemask_epi8(seen[j]))
            bits |= 1u << j;
#else
    for (int j = 0; j < k; j++)
        if (memchr(s, set[j], n))
            bits |= 1u << j;
#endif
    return bits;
}

/* ---- utils.drop_prefix_and_return_type ---------------------------------------------------- */

/* drop_prefix_and_return_type's delimiters: an opener maps to its closer, a closer to 1. */
static const char delim[256] = {
    ['('] = ')', ['{'] = '}', ['['] = ']', ['<'] = '>', ['`'] = '\'',
    [')'] = 1, ['}'] = 1, [']'] = 1, ['>'] = 1, ['\''] = 1, [' '] = 2,
};

/* The stack of open delimiters: sixty-four levels in place, deeper ones (only hostile names
 * nest so deep) in a scratch buffer borrowed on the first spill. */
#define SG_LEVELS_IN_PLACE 64
typedef struct levels {
    char near[SG_LEVELS_IN_PLACE];
    size_t n;
    sg_buf far;
    sg_result *r;
    int spilled;
} levels;

static void level_push(levels *l, char c)
{
    if (l->n < SG_LEVELS_IN_PLACE) {
        l->near[l->n++] = c;
        return;
    }
    if (!l->spilled) {
        sg_result_take(l->r, 2, &l->far);
        sg_buf_reset(&l->far);
        l->spilled = 1;
    }
    sg_buf_addc(&l->far, c);
    l->n++;
}

/* The closer the innermost open delimiter waits for (0 when out of memory lost it). */
static char level_closer(const levels *l)
{
    size_t i = l->n - 1;
    if (i < SG_LEVELS_IN_PLACE)
        return delim[(unsigned char)l->near[i]];
    i -= SG_LEVELS_IN_PLACE;
    return i < l->far.len ? delim[(unsigned char)l->far.p[i]] : 0;
}

static void level_pop(levels *l)
{
    if (--l->n >= SG_LEVELS_IN_PLACE && l->far.len)
        l->far.len--;
}

/* Whether the token at p joins the one before it: "name (args)", "name() [clone .cold.1]". */
static int joins_previous(const char *f, size_t n, size_t p)
{
    return p < n && (f[p] == '(' || (n - p >= 6 && memcmp(f + p, "[clone", 6) == 0));
}

/* Returns 1 with the last token as f[*start, *end), 0 (IndexError in Python: no token at all)
 * or -1 (out of memory). Tokens are split on spaces outside () {} [] <> `'; they are not
 * kept: while reading, only the token being read and the one before it matter, each with
 * where its group starts (the tokens it joins, as Python's final while loop joins them). */
static int drop_prefix_and_return_type(sg_result *r, const char *f, size_t n, size_t *start_out,
                                       size_t *end_out)
{
    levels lv;
    lv.n = 0;
    lv.r = r;
    lv.spilled = 0;
    size_t cur = 0, grp = 0, prev_grp = 0, prev_end = 0;
    int have_prev = 0;
    /* inside a level only the openers and the innermost closer count (other closers are
     * unmatched and ignored), at level 0 the spaces */
    static const char set[] = "({[<`)}]>' ";
    scan sc = scan_start(f, n, set, 11);
    for (size_t i; (i = scan_next(&sc, set, 11)) < n;) {
        char c = f[i], d = delim[(unsigned char)c];
        if (d > 2) {
            level_push(&lv, c);
        } else if (d == 1) {
            if (lv.n && level_closer(&lv) == c)
                level_pop(&lv);
        } else if (!lv.n) {
            prev_grp = grp;
            prev_end = i;
            have_prev = 1;
            cur = i + 1;
            grp = joins_previous(f, n, cur) ? prev_grp : cur;
        }
    }
    int rc = 1;
    /* the last token exists only when it is not empty (Python appends `current` only when
     * non-empty) */
    if (cur < n) {
        *start_out = grp;
        *end_out = n;
    } else if (have_prev) {
        *start_out = prev_grp;
        *end_out = prev_end;
    } else {
        rc = 0;
    }
    if (lv.spilled) {
        if (lv.far.failed)
            rc = -1;
        sg_result_give(r, 2, &lv.far);
    }
    return rc;
}

/* ---- utils.replace_enclosed_slices ----------------------------------------------------- */

typedef enum { RP_TYPES, RP_ARGS, RP_RUST_TYPES, RP_EMPTY } rp_mode;

static void collapse(const char *s, size_t n, char open, char close, rp_mode mode, sg_buf *out);

/* The replacement for one enclosed slice; `before` is the text since the previous slice. */
static void replacement(const char *before, size_t bn, const char *in, size_t inn, rp_mode mode,
                        sg_buf *out)
{
    switch (mode) {
    case RP_TYPES:
        /* Socorro's exceptions: <name omitted>, " as ", " in " (bug 1685178), operator<> */
        if ((inn == 14 && memcmp(in, "<name omitted>", 14) == 0) ||
            contains_either(in, inn, " as ", " in ") || ends_with(before, bn, "operator")) {
            sg_buf_add(out, in, inn);
        } else if (ends_with(before, bn, "IPC::ParamTraits")) {
            /* inside[1:-1] collapsed again, even when the slice was left unclosed: then the
             * last character may take several bytes */
            size_t last = inn - 1;
            while (last > 1 && ((unsigned char)in[last] & 0xC0) == 0x80)
                last--;
            sg_buf_addc(out, '<');
            if (inn >= 2)
                collapse(in + 1, last - 1, '<', '>', RP_TYPES, out);
            sg_buf_addc(out, '>');
        } else {
            sg_buf_add(out, "<T>", 3);
        }
        break;
    case RP_ARGS:
        if ((inn == 21 && memcmp(in, "(anonymous namespace)", 21) == 0) ||
            ends_with(before, bn, "operator"))
            sg_buf_add(out, in, inn);
        break;
    case RP_RUST_TYPES:
        if (contains(in, inn, " as "))
            sg_buf_add(out, in, inn);
        else
            sg_buf_add(out, "<T>", 3);
        break;
    case RP_EMPTY: break;
    }
}

static void collapse(const char *s, size_t n, char open, char close, rp_mode mode, sg_buf *out)
{
    size_t level = 0, start = 0, prev_end = 0;
    const char set[2] = { open, close };
    scan sc = scan_start(s, n, set, 2);
    for (size_t i; (i = scan_next(&sc, set, 2)) < n;) {
        if (s[i] == open) {
            if (level++ == 0)
                start = i;
        } else if (level > 0 && --level == 0) { /* at level 0 a closer is ignored */
            sg_buf_add(out, s + prev_end, start - prev_end);
            replacement(s + prev_end, start - prev_end, s + start, i + 1 - start, mode, out);
            prev_end = i + 1;
        }
    }
    /* an unclosed slice runs to the end of the string */
    if (level) {
        sg_buf_add(out, s + prev_end, start - prev_end);
        replacement(s + prev_end, start - prev_end, s + start, n - start, mode, out);
        prev_end = n;
    }
    sg_buf_add(out, s + prev_end, n - prev_end);
}

/* ---- the regex fix-ups of CSignatureTool, by hand ------------------------------------- */

/* fixup_lambda_numbers: re.sub(r"::\$_\d+::", "::$::") with Unicode \d. */
static void fix_lambdas(const char *s, size_t n, sg_buf *out)
{
    size_t i = 0;
    if (!memchr(s, '$', n)) {
        sg_buf_add(out, s, n);
        return;
    }
    while (i < n) {
        if (i + 4 <= n && memcmp(s + i, "::$_", 4) == 0) {
            size_t j = i + 4, digits = 0;
            uint32_t cp;
            while (j < n) {
                size_t k = sg_utf8_decode(s + j, n - j, &cp);
                if (sg_u_decimal_value(cp) < 0)
                    break;
                j += k;
                digits++;
            }
            if (digits && j + 2 <= n && s[j] == ':' && s[j + 1] == ':') {
                sg_buf_add(out, "::$::", 5);
                i = j + 2;
                continue;
            }
        }
        sg_buf_addc(out, s[i++]);
    }
}

/* Whether the space at s[i] goes: fixup_space drops a space before '*', '&' or ','. */
static int space_dropped(const char *s, size_t n, size_t i)
{
    return s[i] == ' ' && i + 1 < n && (s[i + 1] == '*' || s[i + 1] == '&' || s[i + 1] == ',');
}

/* fixup_space ` (?=[\*&,])` -> "", then fixup_comma `,(?! )` -> ", ": from space or comma to
 * the next, the runs between are copied whole. */
static void fix_space_comma(const char *s, size_t n, sg_buf *out)
{
    size_t done = 0; /* s[0..done) is written */
    scan sc = scan_start(s, n, " ,", 2);
    for (size_t i; (i = scan_next(&sc, " ,", 2)) < n;) {
        if (s[i] == ' ') {
            if (space_dropped(s, n, i)) {
                sg_buf_add(out, s + done, i - done);
                done = i + 1;
            }
            continue;
        }
        sg_buf_add(out, s + done, i + 1 - done);
        done = i + 1;
        /* the next kept character decides: a removed space before '*' doesn't count */
        size_t j = i + 1;
        while (j < n && space_dropped(s, n, j))
            j++;
        if (j >= n || s[j] != ' ')
            sg_buf_addc(out, ' ');
    }
    sg_buf_add(out, s + done, n - done);
}

/* [0-9a-fA-F], by table: every Rust frame's hash is scanned */
static const unsigned char hex_digit[256] = {
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,
    ['8'] = 1, ['9'] = 1, ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1,
    ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1,
};
static int is_hex(char c) { return hex_digit[(unsigned char)c]; }

/* How many hex digits end s after "::h" (a Rust hash, as fixup_hash finds it without a
 * final newline), or 0. */
static size_t hash_digits(const char *s, size_t n)
{
    size_t j = n;
    while (j > 0 && is_hex(s[j - 1]))
        j--;
    return j < n && j >= 3 && memcmp(s + j - 3, "::h", 3) == 0 ? n - j : 0;
}

/* fixup_hash: re.sub(r"::h[0-9a-fA-F]+$", "") — `$` also matches before a final newline.
 * Appends the result. */
static void strip_rust_hash(const char *s, size_t n, sg_buf *out)
{
    size_t e = n && s[n - 1] == '\n' ? n - 1 : n, d = hash_digits(s, e);
    if (d) {
        sg_buf_add(out, s, e - d - 3);
        sg_buf_add(out, s + e, n - e);
    } else {
        sg_buf_add(out, s, n);
    }
}

static void append_line(sg_buf *b, const sg_fv *line)
{
    sg_buf_addc(b, ':');
    sg_fv_str(b, line);
}

/* ---- normalize_cpp_function / normalize_rust_function ------------------------------------ */

/* The steps both languages end with: the line number for listed functions, then fixup_space
 * and fixup_comma (skipped when there is no space or comma: they cannot change anything). */
static void finish(sg_result *r, const char *s, size_t n, const sg_fv *line, sg_buf *tmp, sg_buf *out)
{
    if (sg_match_line_numbers(s, n)) {
        r->line_read = 1; /* the result depends on the line: not for the memo */
        sg_buf_reset(tmp);
        sg_buf_add(tmp, s, n);
        append_line(tmp, line);
        s = tmp->p;
        n = tmp->len;
    }
    if (present(s, n, " ,", 2))
        fix_space_comma(s, n, out);
    else
        sg_buf_add(out, s, n);
}

/* Ping-pong between two scratch buffers: each step reads *cur and writes the other. */
typedef struct steps {
    sg_buf buf[2];
    int which;
    const char *s;
    size_t n;
} steps;

static sg_buf *step_out(steps *st)
{
    sg_buf *o = &st->buf[st->which ^= 1];
    sg_buf_reset(o);
    return o;
}

static void step_done(steps *st)
{
    sg_buf *o = &st->buf[st->which];
    st->s = o->p ? o->p : "";
    st->n = o->len;
}

/* drop_prefix_and_return_type on the current string (a slice: nothing is copied); a name
 * without a space (spaced 0) is its own last token. 1, or 0 / -1 as drop_prefix_and_return_type. */
static int last_token(sg_result *r, steps *st, int spaced)
{
    size_t start = 0, end = st->n;
    int ok = spaced ? drop_prefix_and_return_type(r, st->s, st->n, &start, &end) : st->n > 0;
    if (ok > 0) {
        st->s += start;
        st->n = end - start;
    }
    return ok;
}

static sg_pyexc no_token(sg_result *r, int ok)
{
    /* Socorro quirk: a function that is only "const" leaves no token (IndexError) */
    return ok < 0 ? SG_PY_OK : raise(r, SG_PY_INDEXERROR, "list index out of range", NULL);
}

static void steps_begin(sg_result *r, steps *st, const char *f, size_t n)
{
    sg_result_take(r, 0, &st->buf[0]);
    sg_result_take(r, 1, &st->buf[1]);
    st->which = 1;
    st->s = f;
    st->n = n;
}

static sg_pyexc steps_end(sg_result *r, steps *st, sg_buf *out, sg_pyexc exc)
{
    if (st->buf[0].failed || st->buf[1].failed)
        out->failed = 1;
    sg_result_give(r, 0, &st->buf[0]);
    sg_result_give(r, 1, &st->buf[1]);
    return exc;
}

/* Whether str.strip() keeps a string that starts or ends with c: ASCII other than space,
 * \t..\r and \x1c..\x1f (a byte from 0x80 on is part of a character to decode). */
static int plain_end(char c)
{
    return (unsigned char)c > 0x20 && (unsigned char)c < 0x80;
}

sg_pyexc sg_normalize_cpp(sg_result *r, const char *f, size_t n, const sg_fv *line, sg_buf *out)
{
    static const struct { const char *s; size_t n; } refs[] = {
        { "const", 5 }, { "const&", 6 }, { "const &", 7 }, { "&&", 2 }, { "&", 1 }
    };
    for (size_t k = 0; k < 5; k++)
        if (ends_with_n(f, n, refs[k].s, refs[k].n)) {
            n -= refs[k].n;
            if (n && (!plain_end(f[0]) || !plain_end(f[n - 1])))
                sg_u_strip(&f, &n);
        }
    enum { SPACE = 1, BACKQUOTE = 2, DOLLAR = 4, ANGLE = 8, PAREN = 16, BRACKET = 32 };
    unsigned p = present(f, n, " `$<([", 6);
    steps st;
    steps_begin(r, &st, f, n);
    /* without a space the function is its own last token: "::operator" changes nothing */
    int ok = (p & SPACE) && contains(f, n, "::operator") ? 1 : last_token(r, &st, p & SPACE);
    if (ok <= 0)
        return steps_end(r, &st, out, no_token(r, ok));
    if (p & BACKQUOTE) {
        /* `anonymous namespace' -> (anonymous namespace) (bug 1672847) */
        static const char anon[] = "`anonymous namespace'";
        size_t an = sizeof anon - 1;
        sg_buf *o = step_out(&st);
        for (size_t i = 0; i < st.n;) {
            const char *q = memchr(st.s + i, '`', st.n - i);
            size_t run = q ? (size_t)(q - st.s) - i : st.n - i;
            sg_buf_add(o, st.s + i, run); /* copy up to the next backquote at once */
            i += run;
            if (i >= st.n)
                break;
            if (i + an <= st.n && memcmp(st.s + i, anon, an) == 0) {
                sg_buf_add(o, "(anonymous namespace)", an);
                i += an;
            } else {
                sg_buf_addc(o, st.s[i++]);
            }
        }
        step_done(&st);
        p |= PAREN; /* "(anonymous namespace)" brings parentheses of its own */
    }
    if (p & DOLLAR) {
        fix_lambdas(st.s, st.n, step_out(&st)); /* bug 1688249 */
        step_done(&st);
    }
    if (p & ANGLE) {
        collapse(st.s, st.n, '<', '>', RP_TYPES, step_out(&st));
        step_done(&st);
    }
    if (p & PAREN) {
        collapse(st.s, st.n, '(', ')', RP_ARGS, step_out(&st));
        step_done(&st);
    }
    /* without a '[' the slices to drop cannot exist */
    if ((p & BRACKET) && contains(st.s, st.n, "clone .cold")) {
        /* PGO cold blocks "[clone .cold.222]" (bug 1397926) */
        collapse(st.s, st.n, '[', ']', RP_EMPTY, step_out(&st));
        step_done(&st);
    }
    finish(r, st.s, st.n, line, step_out(&st), out);
    return steps_end(r, &st, out, SG_PY_OK);
}

/* normalize_rust_function; tokenized: f is already drop_prefix_and_return_type's result */
static sg_pyexc rust_steps(sg_result *r, const char *f, size_t n, int tokenized, const sg_fv *line,
                           sg_buf *out)
{
    enum { SPACE = 1, ANGLE = 2, PAREN = 4 };
    unsigned p = present(f, n, " <(", 3);
    steps st;
    steps_begin(r, &st, f, n);
    int ok = tokenized ? 1 : last_token(r, &st, p & SPACE);
    if (ok <= 0)
        return steps_end(r, &st, out, no_token(r, ok));
    if (p & ANGLE) {
        collapse(st.s, st.n, '<', '>', RP_RUST_TYPES, step_out(&st));
        step_done(&st);
    }
    if (p & PAREN) {
        collapse(st.s, st.n, '(', ')', RP_EMPTY, step_out(&st));
        step_done(&st);
    }
    /* the hash's digits reach finish untouched (no step above reads or moves a hex digit),
     * and fixup_hash drops them; only the line-number match could see them: when they lie
     * past that matcher's reach, the result is the same for every hash (normalize_function) */
    size_t d = hash_digits(f, n);
    r->hash_free = d && st.n > d + 3 && memcmp(st.s + st.n - d - 3, f + n - d - 3, d + 3) == 0 &&
                   st.n - d > sg_match_line_numbers_reach;
    sg_buf tmp, *o = step_out(&st);
    sg_result_take(r, 2, &tmp);
    finish(r, st.s, st.n, line, &tmp, o);
    strip_rust_hash(o->p ? o->p : "", o->len, out);
    if (tmp.failed)
        out->failed = 1;
    sg_result_give(r, 2, &tmp);
    return steps_end(r, &st, out, SG_PY_OK);
}

sg_pyexc sg_normalize_rust(sg_result *r, const char *f, size_t n, const sg_fv *line, sg_buf *out)
{
    return rust_steps(r, f, n, 0, line, out);
}

/* One item of a list or dict that drop_prefix_and_return_type iterates: a str, or a scalar
 * that only "".join rejects (type names it). */
typedef struct item {
    const char *s;
    size_t n;
    const char *type; /* not NULL: not a str */
} item;

/* The token list so far: the tokens joined by spaces in text, each one's start in at. */
typedef struct tokens {
    sg_buf text, at, levels;
    size_t count;
} tokens;

static void token_push(tokens *t, const sg_buf *cur)
{
    size_t start = t->text.len + (t->count > 0);
    if (t->count)
        sg_buf_addc(&t->text, ' ');
    sg_buf_add(&t->text, cur->p ? cur->p : "", cur->len);
    sg_buf_add(&t->at, (const char *)&start, sizeof start);
    t->count++;
}

static size_t token_at(const tokens *t, size_t k)
{
    size_t v;
    memcpy(&v, t->at.p + k * sizeof v, sizeof v);
    return v;
}

/* `current`, the items of the token being built: their str text, how many, and the index
 * and type of the first that is not a str (bad -1: none). */
typedef struct current {
    sg_buf text;
    size_t n;
    long bad;
    const char *bad_type;
} current;

/* "".join(current) onto the tokens: TypeError at the first item that is not a str. */
static sg_pyexc join_current(sg_result *r, tokens *t, current *cur)
{
    if (cur->bad >= 0) {
        r->exc = sg_result_fmt(r, "sequence item %ld: expected str instance, %s found", cur->bad, cur->bad_type);
        return SG_PY_TYPEERROR;
    }
    token_push(t, &cur->text);
    sg_buf_reset(&cur->text);
    cur->n = 0;
    return SG_PY_OK;
}

/* drop_prefix_and_return_type over a list's items or a dict's keys, one item at a time as
 * `for char in function` sees them: only a one-character str is a delimiter or a space, and
 * the items are joined at the end. Then the rest of normalize_rust_function. */
static sg_pyexc rust_items(sg_result *r, const cJSON *fn, const sg_fv *line, sg_buf *out)
{
    static const char open[] = "({[<`", close[] = ")}]>'";
    tokens t = { { NULL, 0, 0, 0 }, { NULL, 0, 0, 0 }, { NULL, 0, 0, 0 }, 0 };
    current cur = { { NULL, 0, 0, 0 }, 0, -1, NULL };
    sg_buf key;
    sg_buf_init(&key);
    sg_pyexc exc = SG_PY_OK;
    for (const cJSON *c = fn->child; c && exc == SG_PY_OK; c = c->next) {
        item it = { NULL, 0, NULL };
        if (sg_py_is_dict(fn)) {
            it.s = sg_py_key(c, &key, &it.n);
        } else if (sg_py_is_list(c) || sg_py_is_dict(c)) {
            /* `char in OPEN` hashes the item */
            exc = raise(r, SG_PY_TYPEERROR, "unhashable type: '%s'", sg_py_type_name(c));
            break;
        } else if (sg_py_is_str(c)) {
            it.s = c->valuestring;
            it.n = sg_py_strlen(c);
        } else {
            it.type = sg_py_type_name(c);
        }
        const char *o = it.n == 1 ? memchr(open, it.s[0], 5) : NULL;
        const char *k = it.n == 1 && !o ? memchr(close, it.s[0], 5) : NULL;
        if (o) {
            sg_buf_addc(&t.levels, it.s[0]);
        } else if (k) {
            if (t.levels.len && close[strchr(open, t.levels.p[t.levels.len - 1]) - open] == it.s[0])
                t.levels.len--;
        } else if (!t.levels.len && it.n == 1 && it.s[0] == ' ') {
            exc = join_current(r, &t, &cur);
            continue;
        }
        if (it.type && cur.bad < 0) {
            cur.bad = (long)cur.n;
            cur.bad_type = it.type;
        }
        if (!it.type)
            sg_buf_add(&cur.text, it.s, it.n);
        cur.n++;
    }
    if (exc == SG_PY_OK && cur.n)
        exc = join_current(r, &t, &cur);
    if (exc == SG_PY_OK &&
        (t.text.failed || t.at.failed || t.levels.failed || cur.text.failed || key.failed || !t.count)) {
        out->failed = 1;
    } else if (exc == SG_PY_OK) {
        /* a last token starting with "(" or "[clone" takes the one before it */
        const char *s = t.text.p ? t.text.p : "";
        size_t k = t.count - 1, n = t.text.len;
        while (k > 0 && (starts_with(s + token_at(&t, k), n - token_at(&t, k), "(") ||
                         starts_with(s + token_at(&t, k), n - token_at(&t, k), "[clone")))
            k--;
        size_t start = token_at(&t, k);
        exc = rust_steps(r, s + start, n - start, 1, line, out);
    }
    sg_buf_free(&cur.text);
    sg_buf_free(&key);
    sg_buf_free(&t.text);
    sg_buf_free(&t.at);
    sg_buf_free(&t.levels);
    return exc;
}

/* ---- utils.parse_source_file, strip_leading_zeros --------------------------------------- */

const char *sg_parse_source_file(const char *s, size_t n, size_t *out_len)
{
    /* split(":") into 2 parts gives the second, into 4 parts (hg:repo:path:rev) the third */
    const char *e = s + n, *c[4] = { NULL, NULL, NULL, NULL };
    size_t k = 0;
    for (const char *q = s; k < 4 && (q = memchr(q, ':', (size_t)(e - q))); q++)
        c[k++] = q;
    if (k == 1) {
        *out_len = (size_t)(e - c[0]) - 1;
        return c[0] + 1;
    }
    if (k == 3) {
        *out_len = (size_t)(c[2] - c[1]) - 1;
        return c[1] + 1;
    }
    if (n && s[0] == '/') {
        *out_len = n;
        return s;
    }
    return NULL;
}

/* The index of the last c in s[0..n), or n when there is none: sixteen bytes at a time from
 * the end (a file's last colon is usually 41 bytes from it, before a revision). */
static size_t last_index(const char *s, size_t n, char c)
{
    size_t end = n;
    for (; end >= 16; end -= 16) {
        unsigned m = block_mask(s, n, end - 16, &c, 1);
        if (m)
            return end - 16 + highest_bit(m);
    }
    for (; end > 0; end--)
        if (s[end - 1] == c)
            return end - 1;
    return n;
}

/* Whether parse_source_file(s) ends with ".rs". Its result is a suffix of s or the part
 * before the last of three colons, so only a file that ends with ".rs" or has ".rs" before
 * its last colon is split. */
static int rust_source(const char *s, size_t n)
{
    size_t colon = last_index(s, n, ':');
    if (!ends_with(s, n, ".rs") && !(colon < n && ends_with(s, colon, ".rs")))
        return 0;
    size_t pn;
    const char *parsed = sg_parse_source_file(s, n, &pn);
    return parsed && ends_with(parsed, pn, ".rs");
}

static int hexval(uint32_t cp)
{
    if (cp >= 'a' && cp <= 'f')
        return (int)(cp - 'a' + 10);
    if (cp >= 'A' && cp <= 'F')
        return (int)(cp - 'A' + 10);
    return sg_u_decimal_value(cp); /* int(x, 16) takes any Unicode decimal digit too */
}

/* hex(int(text, 16)), or 0 when Python's int() would raise ValueError. */
static int strip_leading_zeros(const char *s, size_t n, sg_buf *out)
{
    sg_u_strip(&s, &n);
    size_t i = 0;
    int neg = 0;
    if (i < n && (s[i] == '+' || s[i] == '-'))
        neg = s[i++] == '-';
    int after_prefix = 0;
    if (i + 1 < n && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'X')) {
        i += 2;
        after_prefix = 1;
    }
    sg_buf digits;
    sg_buf_init(&digits);
    /* [0x] ['_'] digit (['_'] digit)*: one underscore between digits or after the prefix */
    int need_digit = 1, allow_us = after_prefix, ok = 1;
    while (ok && i < n) {
        uint32_t cp;
        size_t k = sg_utf8_decode(s + i, n - i, &cp);
        int d = hexval(cp);
        if (cp == '_' && allow_us) {
            allow_us = 0;
            need_digit = 1;
        } else if (d >= 0) {
            if (digits.len || d)
                sg_buf_addc(&digits, "0123456789abcdef"[d]);
            need_digit = 0;
            allow_us = 1;
        } else {
            ok = 0;
        }
        i += k;
    }
    if (need_digit)
        ok = 0;

    if (ok) {
        if (neg && digits.len)
            sg_buf_addc(out, '-');
        sg_buf_add(out, "0x", 2);
        if (digits.len)
            sg_buf_add(out, digits.p, digits.len);
        else
            sg_buf_addc(out, '0');
    }
    sg_buf_free(&digits);
    return ok;
}

#define KEY_IS(k, n, lit) ((n) == sizeof lit - 1 && memcmp(k, lit, sizeof lit - 1) == 0)

int sg_frame_field_of_n(const char *k, size_t n)
{
    switch (n ? k[0] : 0) {
    case 'm': return KEY_IS(k, n, "module") ? SG_F_MODULE : KEY_IS(k, n, "module_offset") ? SG_F_MODULE_OFFSET : -1;
    case 'f': return KEY_IS(k, n, "function") ? SG_F_FUNCTION : KEY_IS(k, n, "file") ? SG_F_FILE : -1;
    case 'l': return KEY_IS(k, n, "line") ? SG_F_LINE : -1;
    case 'o': return KEY_IS(k, n, "offset") ? SG_F_OFFSET : -1;
    case 'u': return KEY_IS(k, n, "unloaded_modules") ? SG_F_UNLOADED : -1;
    case 'i': return KEY_IS(k, n, "inlines") ? SG_F_INLINES : -1;
    }
    return -1;
}

int sg_frame_field_of(const char *k) { return sg_frame_field_of_n(k, strlen(k)); }

const char *const sg_frame_field_name[SG_F_N] = { "module", "function", "file", "line", "module_offset",
                                                  "offset", "unloaded_modules", "inlines" };

/* The fields a frame dict can hold: from the record of a frame the crash reader built, else
 * found in one pass over its keys (a dict lookup per field costs more than the
 * normalization); a later duplicate key wins, as in a Python dict. */
void sg_frame_fields(const cJSON *d, const cJSON *f[SG_F_N])
{
    if (d && (d->type & (SG_CJSON_FRAME_REC | cJSON_IsReference)) == SG_CJSON_FRAME_REC) {
        memcpy(f, ((const sg_frame_node *)d)->field, SG_F_N * sizeof *f);
        return;
    }
    memset(f, 0, SG_F_N * sizeof *f);
    for (const cJSON *c = d ? d->child : NULL; c; c = c->next) {
        int k = sg_frame_field_of(c->string);
        if (k >= 0)
            f[k] = c;
    }
}

sg_frame_in sg_frame_in_json(const cJSON *d)
{
    const cJSON *f[SG_F_N];
    sg_frame_fields(d, f);
    sg_frame_in in;
    sg_frame_in_fields(&in, f);
    return in;
}

static const char *memo_get(const sg_memo *m, int kind, const char *s, size_t n, uint64_t *h, size_t *vlen)
{
    *h = sg_memo_hash(kind, s, n);
    return sg_memo_get(m, *h, kind, s, n, vlen);
}

/* normalize_rust_function or normalize_cpp_function, from the context's memo when an earlier
 * crash had the same function (and its line was not part of the result). */
static sg_pyexc normalize_function(sg_result *r, const char *s, size_t n, int rust, const sg_fv *line,
                                   sg_buf *out)
{
    sg_memo *m = r->memo;
    uint64_t h = 0, uh = 0;
    size_t digits = 0;
    if (m) {
        digits = rust ? hash_digits(s, n) : 0;
        size_t vlen;
        const char *v = digits ? memo_get(m, SG_MEMO_RUST_UNHASHED, s, n - digits, &uh, &vlen) : NULL;
        if (!v)
            v = memo_get(m, rust ? SG_MEMO_RUST : SG_MEMO_CPP, s, n, &h, &vlen);
        if (v) {
            sg_buf_add(out, v, vlen);
            return SG_PY_OK;
        }
    }
    size_t mark = out->len;
    r->line_read = r->hash_free = 0;
    sg_pyexc exc = rust ? sg_normalize_rust(r, s, n, line, out) : sg_normalize_cpp(r, s, n, line, out);
    if (!m || exc != SG_PY_OK || r->line_read || out->failed)
        return exc;
    const char *v = out->p ? out->p + mark : "";
    if (digits && r->hash_free)
        sg_memo_put(m, uh, SG_MEMO_RUST_UNHASHED, s, n - digits, v, out->len - mark);
    else
        sg_memo_put(m, h, rust ? SG_MEMO_RUST : SG_MEMO_CPP, s, n, v, out->len - mark);
    return exc;
}

/* ---- normalize_frame ---------------------------------------------------------------------- */

sg_pyexc sg_normalize_frame(sg_result *r, const sg_frame_in *f, sg_buf *out)
{
    if (sg_fv_truthy(&f->function)) {
        int rust = 0;
        if (sg_fv_truthy(&f->file)) {
            if (!f->file.is_str)
                return raise(r, SG_PY_ATTRIBUTEERROR, "'%s' object has no attribute 'split'",
                             sg_fv_type(&f->file));
            rust = rust_source(f->file.s, f->file.len);
        }
        if (!f->function.is_str) {
            /* Socorro quirk: the Rust rules iterate the function first — a number or bool
             * is not iterable, a list's items or a dict's keys are its characters (only
             * --normalize gets a list or dict: the frame list hashes the function before) */
            if (rust && (sg_py_is_list(f->function.j) || sg_py_is_dict(f->function.j)))
                return rust_items(r, f->function.j, &f->line, out);
            if (rust)
                return raise(r, SG_PY_TYPEERROR, "'%s' object is not iterable", sg_fv_type(&f->function));
            return raise(r, SG_PY_ATTRIBUTEERROR, "'%s' object has no attribute 'endswith'",
                         sg_fv_type(&f->function));
        }
        return normalize_function(r, f->function.s, f->function.len, rust, &f->line, out);
    }
    if (sg_fv_truthy(&f->file) && sg_fv_truthy(&f->line)) {
        if (!f->file.is_str)
            return raise(r, SG_PY_ATTRIBUTEERROR, "'%s' object has no attribute 'rstrip'",
                         sg_fv_type(&f->file));
        const char *s = f->file.s;
        size_t n = f->file.len;
        while (n && (s[n - 1] == '/' || s[n - 1] == '\\'))
            n--;
        char sep = memchr(s, '\\', n) ? '\\' : '/';
        size_t start = n;
        while (start > 0 && s[start - 1] != sep)
            start--;
        sg_buf_add(out, s + start, n - start);
        sg_buf_addc(out, '#');
        sg_fv_str(out, &f->line);
        return SG_PY_OK;
    }
    /* the fields below stay raw nodes until their branch (the line is only tested and
     * printed, which a raw field allows) */
    if (sg_fv_truthy(&f->module)) {
        sg_fv m = f->module;
        sg_fv_resolve(&m);
        if (!m.is_str)
            return raise(r, SG_PY_ATTRIBUTEERROR, "'%s' object has no attribute 'strip'", sg_fv_type(&m));
        /* module.strip("[]") (bug 1926077) */
        const char *s = m.s;
        size_t n = m.len;
        while (n && (*s == '[' || *s == ']'))
            s++, n--;
        while (n && (s[n - 1] == '[' || s[n - 1] == ']'))
            n--;
        sg_buf_add(out, s, n);
        return SG_PY_OK;
    }
    if (sg_fv_truthy(&f->unloaded_modules)) {
        sg_fv u = f->unloaded_modules;
        sg_fv_resolve(&u);
        if (u.is_str)
            return raise(r, SG_PY_ATTRIBUTEERROR, "'str' object has no attribute 'get'", NULL);
        if (cJSON_IsObject(u.j))
            return raise(r, SG_PY_KEYERROR, "0", NULL);
        if (!cJSON_IsArray(u.j))
            return raise(r, SG_PY_TYPEERROR, "'%s' object is not subscriptable", sg_fv_type(&u));
        const cJSON *first = u.j->child;
        if (!cJSON_IsObject(first)) {
            sg_fv fv = sg_fv_json(first);
            return raise(r, SG_PY_ATTRIBUTEERROR, "'%s' object has no attribute 'get'",
                         sg_fv_type(&fv));
        }
        sg_fv mod = sg_fv_json(sg_py_dict_get(first, "module", 6));
        sg_buf_add(out, "(unloaded ", 10);
        sg_fv_str(out, &mod);
        sg_buf_addc(out, ')');
        return SG_PY_OK;
    }
    if (sg_fv_truthy(&f->offset)) {
        sg_fv o = f->offset;
        sg_fv_resolve(&o);
        sg_buf_addc(out, '@');
        /* Socorro quirk: hex(int(x, 16)) takes "0x", "_", a sign, any size; else x as is */
        if (!o.is_str || !strip_leading_zeros(o.s, o.len, out))
            sg_fv_str(out, &o);
        return SG_PY_OK;
    }
    return SG_PY_OK;
}

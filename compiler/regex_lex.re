/* regex_lex.re — re2c tokenizer for one siglist regex (Python 3 `re` syntax, str patterns).
 * Compiler stage: feeds the Lemon grammar in regex.y. The lexer also does what Python's
 * sre_parse decides while reading characters (escapes, `{` as literal or quantifier, class
 * items and ranges, group syntax) and reports Python's errors with their positions. */
#include "ast.h"
#include "regex.h"
#include "unicode.h"
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

unsigned sgc_lex_pos(const SgcLex *lx, const unsigned char *at)
{
    unsigned n = 0;
    for (const unsigned char *q = lx->start; q < at && q < lx->lim; q++)
        if ((*q & 0xC0) != 0x80)
            n++;
    return n;
}

static int hexval(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return c - 'A' + 10;
}

static uint32_t hexnum(const unsigned char *s, size_t n)
{
    uint32_t v = 0;
    for (size_t i = 0; i < n; i++)
        v = v * 16 + (uint32_t)hexval(s[i]);
    return v;
}

/* One literal code point at cur (UTF-8 already validated by the list reader). */
static uint32_t take_cp(SgcLex *lx)
{
    uint32_t cp;
    size_t n = sg_utf8_decode((const char *)lx->cur, (size_t)(lx->lim - lx->cur), &cp);
    lx->cur += n;
    return cp;
}

static int fail(SgcLex *lx, const unsigned char *at, const char *msg, const unsigned char *txt,
                size_t txtlen)
{
    if (txt)
        sgc_parse_error(lx->p, sgc_lex_pos(lx, at), msg, (int)txtlen, (const char *)txt);
    else
        sgc_parse_error(lx->p, sgc_lex_pos(lx, at), "%s", msg);
    return -1;
}

enum { D_JOIN, D_UNSUPPORTED };
/* Keeps the first error of class cls (D_JOIN: only the joined list fails; D_UNSUPPORTED: a DFA
 * cannot run it) and lets the line be read on, so that an error Python raises later in the
 * line is the one reported. */
static void defer(SgcLex *lx, int cls, const unsigned char *at, const char *fmt, ...)
{
    if (lx->has_deferred[cls])
        return;
    lx->has_deferred[cls] = 1;
    lx->deferred_pos[cls] = sgc_lex_pos(lx, at);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(lx->deferred[cls], sizeof lx->deferred[cls], fmt, ap);
    va_end(ap);
}

/* Whether capture group gid (joined numbering) is still open. */
static int group_open(const SgcLex *lx, unsigned gid)
{
    for (unsigned d = 0; d < lx->depth; d++)
        if (lx->open_gid[d] == gid)
            return 1;
    return 0;
}

/* Escapes shared by both contexts. Returns 1 with *cp set (literal), 2 with *kind set (class
 * escape \d \D \s \S \w \W), 3 for \A, 4 for \Z, 0 for \b, -1 on error. in_class selects
 * Python's _class_escape rules over _escape's. The backslash is at lx->cur. */
static int lex_escape(SgcLex *lx, int in_class, uint32_t *cp, int *kind)
{
    const unsigned char *tok = lx->cur, *YYMARKER = NULL;
    const unsigned char *YYCURSOR = lx->cur, *YYLIMIT = lx->lim;
    (void)YYMARKER;
    if (lx->cur + 1 >= lx->lim)
        return fail(lx, tok, "bad escape (end of pattern)", NULL, 0);
    /*!re2c
        re2c:define:YYCTYPE = "unsigned char";
        re2c:yyfill:enable = 0;
        re2c:eof = 0;
        hex = [0-9a-fA-F];

        "\\" [dDsSwW] { lx->cur = YYCURSOR; *kind = tok[1]; return 2; }
        "\\a" { lx->cur = YYCURSOR; *cp = 7; return 1; }
        "\\f" { lx->cur = YYCURSOR; *cp = 12; return 1; }
        "\\n" { lx->cur = YYCURSOR; *cp = 10; return 1; }
        "\\r" { lx->cur = YYCURSOR; *cp = 13; return 1; }
        "\\t" { lx->cur = YYCURSOR; *cp = 9; return 1; }
        "\\v" { lx->cur = YYCURSOR; *cp = 11; return 1; }
        "\\\\" { lx->cur = YYCURSOR; *cp = '\\'; return 1; }
        "\\b" {
            lx->cur = YYCURSOR;
            if (in_class) { *cp = 8; return 1; }
            defer(lx, D_UNSUPPORTED, tok, "unsupported: word boundary \\b needs lookaround, which a DFA cannot do");
            return 3; /* read on as the anchor it is: "\\b*" has nothing to repeat */
        }
        "\\B" {
            if (in_class) return fail(lx, tok, "bad escape %.*s", tok, 2);
            lx->cur = YYCURSOR;
            defer(lx, D_UNSUPPORTED, tok, "unsupported: non-boundary \\B needs lookaround, which a DFA cannot do");
            return 3;
        }
        "\\A" { if (in_class) return fail(lx, tok, "bad escape %.*s", tok, 2);
                lx->cur = YYCURSOR; return 3; }
        "\\Z" { if (in_class) return fail(lx, tok, "bad escape %.*s", tok, 2);
                lx->cur = YYCURSOR; return 4; }
        "\\x" hex{2} { lx->cur = YYCURSOR; *cp = hexnum(tok + 2, 2); return 1; }
        "\\u" hex{4} { lx->cur = YYCURSOR; *cp = hexnum(tok + 2, 4); return 1; }
        "\\U" hex{8} {
            uint32_t v = hexnum(tok + 2, 8);
            if (v > 0x10FFFF) return fail(lx, tok, "bad escape %.*s", tok, 10);
            lx->cur = YYCURSOR; *cp = v; return 1;
        }
        "\\x" hex? | "\\u" hex{0,3} | "\\U" hex{0,7} {
            return fail(lx, tok, "incomplete escape %.*s", tok, (size_t)(YYCURSOR - tok));
        }
        "\\N" {
            /* sre's checks of the braces come first; a well-formed name would need Unicode's
             * name table, so it stays unsupported */
            const unsigned char *q = YYCURSOR, *name;
            if (q >= lx->lim || *q != '{')
                return fail(lx, q, "missing {", NULL, 0);
            for (name = ++q; q < lx->lim && *q != '}'; q++)
                ;
            if (q == name)
                return fail(lx, q, "missing character name", NULL, 0);
            if (q >= lx->lim)
                return fail(lx, name, "missing }, unterminated name", NULL, 0);
            defer(lx, D_UNSUPPORTED, tok, "unsupported: named character escape \\N{...} (write the character or \\uXXXX)");
            lx->cur = q + 1;
            *cp = 0xFFFD;
            return 1;
        }
        "\\0" [0-7]{0,2} {
            lx->cur = YYCURSOR;
            uint32_t v = 0;
            for (const unsigned char *q = tok + 1; q < YYCURSOR; q++) v = v * 8 + (uint32_t)(*q - '0');
            *cp = v; return 1;
        }
        "\\" [1-7] [0-7]{0,2} {
            if (in_class) {
                uint32_t v = 0;
                for (const unsigned char *q = tok + 1; q < YYCURSOR; q++) v = v * 8 + (uint32_t)(*q - '0');
                if (v > 0377) return fail(lx, tok, "octal escape value %.*s outside of range 0-0o377", tok, (size_t)(YYCURSOR - tok));
                lx->cur = YYCURSOR; *cp = v; return 1;
            }
            goto digits;
        }
        "\\" [89] {
            if (in_class) return fail(lx, tok, "bad escape %.*s", tok, 2);
            goto digits;
        }
        "\\" [a-zA-Z] { return fail(lx, tok, "bad escape %.*s", tok, 2); }
        "\\" { lx->cur = tok + 1; *cp = take_cp(lx); return 1; }
        * { lx->cur = tok + 1; *cp = take_cp(lx); return 1; }
        $ { return fail(lx, tok, "bad escape (end of pattern)", NULL, 0); }
    */
digits:
    /* Outside a class: three octal digits make an octal escape, otherwise up to two decimal
     * digits name a group (sre_parse _escape). */
    {
        const unsigned char *q = tok + 1;
        size_t avail = (size_t)(lx->lim - q);
        if (avail >= 3 && q[0] <= '7' && q[1] >= '0' && q[1] <= '7' && q[2] >= '0' && q[2] <= '7') {
            uint32_t v = (uint32_t)((q[0] - '0') * 64 + (q[1] - '0') * 8 + (q[2] - '0'));
            if (v > 0377)
                return fail(lx, tok, "octal escape value %.*s outside of range 0-0o377", tok, 4);
            lx->cur = q + 3;
            *cp = v;
            return 1;
        }
        unsigned g = (unsigned)(q[0] - '0');
        if (avail >= 2 && q[1] >= '0' && q[1] <= '9')
            g = g * 10 + (unsigned)(q[1] - '0');
        /* Socorro compiles each line alone before joining them: \g counts this line's groups */
        if (g >= lx->p->groups - lx->groups0 + 1)
            sgc_parse_error(lx->p, sgc_lex_pos(lx, q), "invalid group reference %u", g);
        else if (group_open(lx, lx->groups0 + g - 1))
            sgc_parse_error(lx->p, sgc_lex_pos(lx, tok), "cannot refer to an open group");
        else {
            defer(lx, D_UNSUPPORTED, tok, "unsupported: backreference \\%u (a DFA cannot remember text)", g);
            lx->cur = q + (g > 9 ? 2 : 1);
            *cp = 0xFFFD;
            return 1;
        }
        return -1;
    }
}

/* A group name up to `term` (Python: must be an identifier). Returns its length or -1. */
static int group_name(SgcLex *lx, const unsigned char *from, unsigned char term,
                      const unsigned char **name)
{
    const unsigned char *q = from;
    while (q < lx->lim && *q != term)
        q++;
    if (q == from) {
        fail(lx, from, "missing group name", NULL, 0);
        return -1;
    }
    if (q >= lx->lim) {
        fail(lx, from, term == '>' ? "missing >, unterminated name" : "missing ), unterminated name",
             NULL, 0);
        return -1;
    }
    /* str.isidentifier(): a letter or '_' first, then letters, digits, '_' */
    const unsigned char *r = from;
    int first = 1;
    while (r < q) {
        uint32_t c;
        size_t n = sg_utf8_decode((const char *)r, (size_t)(q - r), &c);
        int ok = sg_u_isword(c) && !(first && sg_u_decimal_value(c) >= 0);
        if (!ok) {
            sgc_parse_error(lx->p, sgc_lex_pos(lx, from), "bad character in group name '%.*s'",
                            (int)(q - from), (const char *)from);
            return -1;
        }
        first = 0;
        r += n;
    }
    *name = from;
    return (int)(q - from);
}

/* The latest definition of a group name (a later line may define it again: only the joined
 * list fails then, and the line's own references mean its own group). */
static int lookup_name(const sgc_names *ns, const unsigned char *s, int n)
{
    for (size_t i = ns->n; i-- > 0;)
        if (strlen(ns->v[i]) == (size_t)n && memcmp(ns->v[i], s, (size_t)n) == 0)
            return (int)i;
    return -1;
}

static int open_group(SgcLex *lx, const unsigned char *tok, sgc_tok *t, unsigned gid)
{
    if (lx->depth < sizeof lx->open_pos / sizeof lx->open_pos[0]) {
        lx->open_pos[lx->depth] = sgc_lex_pos(lx, tok);
        lx->open_gid[lx->depth] = gid;
    } else {
        fail(lx, tok, "too many nested groups (sigc limit 256)", NULL, 0);
        return -1;
    }
    lx->depth++;
    t->pos = sgc_lex_pos(lx, tok);
    return RX_LPAREN;
}

/* Parses `{m,n}` already matched at tok..end; fills t. Returns RX_QUANT or -1. */
static int counted(SgcLex *lx, const unsigned char *tok, const unsigned char *end, sgc_tok *t)
{
    const unsigned char *q = tok + 1;
    uint64_t lo = 0, hi = 0;
    int have_lo = 0, have_hi = 0, comma = 0;
    for (; *q != '}' && q < end; q++) {
        if (*q == ',') {
            comma = 1;
            continue;
        }
        uint64_t *v = comma ? &hi : &lo;
        *(comma ? &have_hi : &have_lo) = 1;
        if (*v < 100000000000ull)
            *v = *v * 10 + (uint64_t)(*q - '0');
    }
    uint64_t min = have_lo ? lo : 0;
    uint64_t max = comma ? (have_hi ? hi : SGC_INF) : min;
    if (min >= 4294967295ull || (comma && have_hi && max >= 4294967295ull))
        return fail(lx, tok + 1, "the repetition number is too large", NULL, 0);
    if (max < min)
        return fail(lx, tok + 1, "min repeat greater than max repeat", NULL, 0);
    t->min = (uint32_t)min;
    t->max = (uint32_t)max;
    return RX_QUANT;
}

/* After a quantifier: `?` makes it lazy (same verdict for match/no match), `+` possessive. */
static int quant_suffix(SgcLex *lx, int code)
{
    if (lx->cur < lx->lim && *lx->cur == '?')
        lx->cur++;
    else if (lx->cur < lx->lim && *lx->cur == '+')
        defer(lx, D_UNSUPPORTED, lx->cur++, "unsupported: possessive quantifier (write the pattern without the final '+')");
    return code;
}

/* One class item: a literal (returns 1, *cp) or a class escape (returns 2, *kind). */
static int class_atom(SgcLex *lx, uint32_t *cp, int *kind)
{
    if (*lx->cur == '\\') {
        int r = lex_escape(lx, 1, cp, kind);
        return r;
    }
    *cp = take_cp(lx);
    return 1;
}

static int lex_class(SgcLex *lx, sgc_tok *t)
{
    if (lx->cur >= lx->lim) {
        sgc_parse_error(lx->p, lx->class_pos, "unterminated character set");
        return -1;
    }
    const unsigned char *tok = lx->cur;
    t->pos = sgc_lex_pos(lx, tok);
    if (*lx->cur == ']' && !lx->class_first) {
        lx->cur++;
        lx->in_class = 0;
        return RX_RBRACKET;
    }
    lx->class_first = 0;
    uint32_t cp1 = 0, cp2 = 0;
    int k1 = 0, k2 = 0;
    int r1 = class_atom(lx, &cp1, &k1);
    if (r1 < 0)
        return -1;
    if (lx->cur < lx->lim && *lx->cur == '-') {
        if (lx->cur + 1 >= lx->lim) {
            sgc_parse_error(lx->p, lx->class_pos, "unterminated character set");
            return -1;
        }
        if (lx->cur[1] != ']') {
            lx->cur++;
            int r2 = class_atom(lx, &cp2, &k2);
            if (r2 < 0)
                return -1;
            if (r1 != 1 || r2 != 1 || cp2 < cp1)
                return fail(lx, tok, "bad character range %.*s", tok, (size_t)(lx->cur - tok));
            t->cp = cp1;
            t->cp2 = cp2;
            return RX_CRANGE;
        }
    }
    if (r1 == 2) {
        t->kind = k1;
        return RX_CSET;
    }
    t->cp = cp1;
    return RX_CCHAR;
}

/* The byte length of the code point at q (the list reader validated the UTF-8). */
static size_t cp_len(const SgcLex *lx, const unsigned char *q)
{
    size_t n = 1;
    while (q + n < lx->lim && (q[n] & 0xC0) == 0x80)
        n++;
    return n;
}

/* "(?P" or "(?<" (n = 3) not followed by what makes a group, or "(?" (n = 2) not followed by
 * a flag: Python's error, at the '?' it names, or the end. */
static int unknown_ext(SgcLex *lx, const unsigned char *tok, size_t n)
{
    const unsigned char *q = tok + n;
    if (q >= lx->lim)
        return fail(lx, q, "unexpected end of pattern", NULL, 0);
    /* sre reads a backslash and what follows as one character */
    size_t len = cp_len(lx, q);
    if (*q == '\\' && q + 1 < lx->lim)
        len += cp_len(lx, q + 1);
    sgc_parse_error(lx->p, sgc_lex_pos(lx, tok + 1), "unknown extension %.*s", (int)(n - 1 + len), (const char *)tok + 1);
    return -1;
}

enum { F_TYPE = 1u << 8, F_GLOBAL = 1u << 9, LEX_AGAIN = -2 };
/* sre's inline flags: one bit each, a, L, u also F_TYPE, t (template) F_GLOBAL; 0 if c is none. */
static unsigned flag_bit(unsigned char c)
{
    switch (c) {
    case 'i': return 1;
    case 'm': return 2;
    case 's': return 4;
    case 'x': return 8;
    case 'a': return 16 | F_TYPE;
    case 'L': return 32 | F_TYPE;
    case 'u': return 64 | F_TYPE;
    case 't': return 128 | F_GLOBAL;
    }
    return 0;
}

/* Python's "unknown flag" for a letter where a flag may stand, else its other message.
 * str.isalpha() beyond ASCII is taken as a word character that is not a digit. */
static int bad_flag(SgcLex *lx, const unsigned char *q, const char *other)
{
    uint32_t cp = *q;
    if (cp >= 0x80)
        sg_utf8_decode((const char *)q, (size_t)(lx->lim - q), &cp);
    int alpha = cp < 0x80 ? ((cp | 32) >= 'a' && (cp | 32) <= 'z')
                          : sg_u_isword(cp) && sg_u_decimal_value(cp) < 0;
    return fail(lx, q, alpha ? "unknown flag" : other, NULL, 0);
}

/* After "(?" that no other group form took: global flags "(?im)", scoped flags "(?i-s:",
 * or an unknown extension, checked in the order and with the messages of sre_parse's
 * _parse_flags. Any well-formed flags are unsupported: sigc matches as written. */
static int flags_or_unknown(SgcLex *lx, const unsigned char *tok, sgc_tok *t)
{
    const unsigned char *q = tok + 2, *lim = lx->lim;
    if (q >= lim || (!flag_bit(*q) && *q != '-'))
        return unknown_ext(lx, tok, 2);
    unsigned add = 0, del = 0;
    if (*q != '-') {
        for (;;) {
            unsigned f = flag_bit(*q);
            if (*q == 'L')
                return fail(lx, q + 1, "bad inline flags: cannot use 'L' flag with a str pattern", NULL, 0);
            add |= f;
            if ((f & F_TYPE) && (add & ~f & (16 | 32 | 64)))
                return fail(lx, q + 1, "bad inline flags: flags 'a', 'u' and 'L' are incompatible", NULL, 0);
            if (++q >= lim)
                return fail(lx, q, "missing -, : or )", NULL, 0);
            if (*q == ')' || *q == '-' || *q == ':')
                break;
            if (!flag_bit(*q))
                return bad_flag(lx, q, "missing -, : or )");
        }
    }
    if (*q == ')') {
        if (tok != lx->start && tok != lx->flags_end)
            return fail(lx, tok, "global flags not at the start of the expression", NULL, 0);
        lx->cur = lx->flags_end = q + 1;
        if (!lx->p->first_in_list)
            defer(lx, D_JOIN, tok, "global flags not at the start of the expression (the lines of a list are joined with '|')");
        else
            defer(lx, D_UNSUPPORTED, tok, "unsupported: global flags %.*s (sigc matches case-sensitively, as written)",
                  (int)(q + 1 - tok), (const char *)tok);
        return LEX_AGAIN;
    }
    if (add & F_GLOBAL)
        return fail(lx, q, "bad inline flags: cannot turn on global flag", NULL, 0);
    if (*q == '-') {
        if (++q >= lim)
            return fail(lx, q, "missing flag", NULL, 0);
        if (!flag_bit(*q))
            return bad_flag(lx, q, "missing flag");
        for (;;) {
            unsigned f = flag_bit(*q);
            if (f & F_TYPE)
                return fail(lx, q + 1, "bad inline flags: cannot turn off flags 'a', 'u' and 'L'", NULL, 0);
            del |= f;
            if (++q >= lim)
                return fail(lx, q, "missing :", NULL, 0);
            if (*q == ':')
                break;
            if (!flag_bit(*q))
                return bad_flag(lx, q, "missing :");
        }
    }
    if (del & F_GLOBAL)
        return fail(lx, q, "bad inline flags: cannot turn off global flag", NULL, 0);
    if (add & del & 0xFF)
        return fail(lx, q, "bad inline flags: flag turned on and off", NULL, 0);
    defer(lx, D_UNSUPPORTED, tok, "unsupported: inline flags %.*s...) (write the pattern without flags)",
          (int)(q + 1 - tok), (const char *)tok);
    lx->cur = q + 1;
    return open_group(lx, tok, t, 0);
}

static int lex_token(SgcLex *lx, sgc_tok *t);

int sgc_lex(SgcLex *lx, sgc_tok *t)
{
    int code = lex_token(lx, t);
    if (code == RX_QUANT) {
        /* sre checks a repeat when it reads it, before anything after it */
        int prev = lx->prev;
        if (prev == 0 || prev == RX_LPAREN || prev == RX_BAR || prev == RX_BOL || prev == RX_EOL || prev == RX_EOS) {
            sgc_parse_error(lx->p, t->pos, "nothing to repeat");
            return -1;
        }
        if (prev == RX_QUANT) {
            sgc_parse_error(lx->p, t->pos, "multiple repeat");
            return -1;
        }
    }
    if (code > 0)
        lx->prev = code;
    return code;
}

static int lex_token(SgcLex *lx, sgc_tok *t)
{
    memset(t, 0, sizeof *t);
    if (lx->in_class)
        return lex_class(lx, t);
again:
    if (lx->cur >= lx->lim) {
        if (lx->depth > 0) {
            /* Python finds the missing ) after the group's contents: close the groups so
             * that the parser reports what is wrong inside them first (regex.y) */
            if (!lx->unclosed) {
                lx->unclosed = 1;
                lx->unclosed_pos = lx->open_pos[lx->depth - 1];
            }
            lx->depth--;
            t->pos = sgc_lex_pos(lx, lx->lim);
            return RX_RPAREN;
        }
        return 0;
    }
    const unsigned char *tok = lx->cur, *YYMARKER = NULL;
    const unsigned char *YYCURSOR = lx->cur, *YYLIMIT = lx->lim;
    (void)YYMARKER;
    t->pos = sgc_lex_pos(lx, tok);
    /*!re2c
        re2c:define:YYCTYPE = "unsigned char";
        re2c:yyfill:enable = 0;
        re2c:eof = 0;

        "\\" {
            uint32_t cp = 0; int kind = 0;
            int r = lex_escape(lx, 0, &cp, &kind);
            if (r < 0) return -1;
            if (r == 1) { t->cp = cp; return RX_CHAR; }
            if (r == 2) { t->kind = kind; return RX_CLASSESC; }
            return r == 3 ? RX_BOL : RX_EOS;
        }
        "." { lx->cur = YYCURSOR; return RX_DOT; }
        "^" { lx->cur = YYCURSOR; return RX_BOL; }
        "$" { lx->cur = YYCURSOR; return RX_EOL; }
        "|" { lx->cur = YYCURSOR; return RX_BAR; }
        ")" {
            if (lx->depth == 0) return fail(lx, tok, "unbalanced parenthesis", NULL, 0);
            lx->depth--; lx->cur = YYCURSOR; return RX_RPAREN;
        }
        "(" { lx->cur = YYCURSOR; return open_group(lx, tok, t, lx->p->groups++); }
        "(?:" { lx->cur = YYCURSOR; return open_group(lx, tok, t, 0); }
        "(?P<" {
            const unsigned char *name;
            int n = group_name(lx, YYCURSOR, '>', &name);
            if (n < 0) return -1;
            int old = lookup_name(lx->p->names, name, n);
            sgc_names *ns = lx->p->names;
            if (old >= 0 && (size_t)old >= lx->names0) { /* group numbers of this line alone */
                sgc_parse_error(lx->p, sgc_lex_pos(lx, name), "redefinition of group name '%.*s' as group %u; was group %u",
                                n, (const char *)name, lx->p->groups - lx->groups0 + 1, ns->gid[old] - lx->groups0 + 1);
                return -1;
            }
            if (old >= 0) /* a name of another line: only the joined list fails */
                defer(lx, D_JOIN, name, "redefinition of group name '%.*s' as group %u; was group %u", n,
                      (const char *)name, lx->p->groups, ns->gid[old]);
            if (ns->n == ns->cap) {
                ns->cap = ns->cap ? 2 * ns->cap : 8;
                ns->v = sgc_xrealloc(ns->v, ns->cap * sizeof *ns->v);
                ns->gid = sgc_xrealloc(ns->gid, ns->cap * sizeof *ns->gid);
            }
            ns->gid[ns->n] = lx->p->groups;
            ns->v[ns->n++] = sgc_xstrndup((const char *)name, (size_t)n);
            lx->cur = name + n + 1;
            return open_group(lx, tok, t, lx->p->groups++);
        }
        "(?P=" {
            const unsigned char *name;
            int n = group_name(lx, YYCURSOR, ')', &name);
            if (n < 0) return -1;
            int k = lookup_name(lx->p->names, name, n);
            if (k < 0 || (size_t)k < lx->names0) { /* a name of another line: unknown to this one */
                sgc_parse_error(lx->p, sgc_lex_pos(lx, name), "unknown group name '%.*s'", n, (const char *)name);
                return -1;
            }
            if (group_open(lx, lx->p->names->gid[k]))
                return fail(lx, name, "cannot refer to an open group", NULL, 0);
            defer(lx, D_UNSUPPORTED, tok, "unsupported: backreference (?P=%.*s) (a DFA cannot remember text)", n,
                  (const char *)name);
            lx->cur = name + n + 1;
            t->cp = 0xFFFD;
            return RX_CHAR;
        }
        "(?#" {
            const unsigned char *q = YYCURSOR;
            while (q < lx->lim && *q != ')') q++;
            if (q >= lx->lim) return fail(lx, tok, "missing ), unterminated comment", NULL, 0);
            if (tok == lx->start || tok == lx->flags_end) /* global flags may still follow */
                lx->flags_end = q + 1;
            lx->cur = q + 1;
            goto again;
        }
        "(?=" | "(?!" {
            defer(lx, D_UNSUPPORTED, tok, "unsupported: lookahead %.*s...) (a DFA cannot look ahead)", 3, (const char *)tok);
            lx->cur = YYCURSOR;
            return open_group(lx, tok, t, 0);
        }
        "(?<=" | "(?<!" {
            defer(lx, D_UNSUPPORTED, tok, "unsupported: lookbehind %.*s...) (a DFA cannot look behind)", 4, (const char *)tok);
            lx->cur = YYCURSOR;
            return open_group(lx, tok, t, 0);
        }
        "(?(" { return fail(lx, tok, "unsupported: conditional group (?(...)...) (needs backreferences)", NULL, 0); }
        "(?>" {
            defer(lx, D_UNSUPPORTED, tok, "unsupported: atomic group (?>...)");
            lx->cur = YYCURSOR;
            return open_group(lx, tok, t, 0);
        }
        "(?P" { return unknown_ext(lx, tok, 3); }
        "(?<" { return unknown_ext(lx, tok, 3); }
        "(?" {
            int r = flags_or_unknown(lx, tok, t);
            if (r == LEX_AGAIN) goto again;
            return r;
        }
        "*" { lx->cur = YYCURSOR; t->min = 0; t->max = SGC_INF; return quant_suffix(lx, RX_QUANT); }
        "+" { lx->cur = YYCURSOR; t->min = 1; t->max = SGC_INF; return quant_suffix(lx, RX_QUANT); }
        "?" { lx->cur = YYCURSOR; t->min = 0; t->max = 1; return quant_suffix(lx, RX_QUANT); }
        "{" [0-9]* ("," [0-9]*)? "}" {
            if (YYCURSOR - tok == 2) { lx->cur = tok + 1; t->cp = '{'; return RX_CHAR; }
            int r = counted(lx, tok, YYCURSOR, t);
            if (r < 0) return -1;
            lx->cur = YYCURSOR;
            return quant_suffix(lx, r);
        }
        "[" "^"? {
            lx->cur = YYCURSOR;
            lx->in_class = 1;
            lx->class_first = 1;
            lx->class_pos = t->pos;
            t->kind = (YYCURSOR - tok) == 2;
            return RX_LBRACKET;
        }
        * { lx->cur = tok; t->cp = take_cp(lx); return RX_CHAR; }
        $ { return 0; }
    */
}

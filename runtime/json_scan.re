/* json_scan.re — re2c scanners for the parts of crash JSON that no rule reads: whole
 * subtrees validated without being built, strings without being decoded. re2c turns this
 * into generated/json_scan.c (committed; `make regen` rewrites it). Runtime stage. */
#include "json_scan.h"

#include <string.h>

#include "jsonstr.h"

/*!re2c
    re2c:define:YYCTYPE = "unsigned char";
    re2c:yyfill:enable = 0;
    re2c:api = custom;
    re2c:api:style = free-form;
    re2c:define:YYPEEK = "(cur < lim ? *cur : 0)";
    re2c:define:YYSKIP = "++cur;";
    re2c:define:YYBACKUP = "mar = cur;";
    re2c:define:YYRESTORE = "cur = mar;";

    hex = [0-9a-fA-F];
    plain = [\x20-\x21\x23-\x5b\x5d-\xff];
    escape = "\\" ( ["\\/bfnrt] | "u" hex hex hex hex );
*/

size_t sg_json_skip_string(const char *s, size_t len)
{
    const unsigned char *start = (const unsigned char *)s, *cur = start, *lim = start + len;
    const unsigned char *mar = cur;
    (void)mar;
    if (cur >= lim || *cur != '"')
        return 0;
    cur++;
    for (;;) {
        /*!re2c
            plain+ { continue; }
            escape { continue; }
            ["]    { return (size_t)(cur - start); }
            *      { return 0; } // the end of input peeks as NUL: not valid in a string
        */
    }
}

/* ---- a whole value, validated and skipped ------------------------------------------------ */

/* What may come next in a skipped value. */
enum { S_VALUE, S_VALUE_OR_END, S_KEY, S_KEY_OR_END, S_COLON, S_AFTER };

/* Past the rest of a string whose opening quote is behind q, or NULL: plain runs sixteen
 * bytes at a time (sg_json_plain_run), escapes checked here; a control character, a bad
 * escape or more than max raw bytes is refused. */
static const unsigned char *string_rest(const unsigned char *q, const unsigned char *lim, size_t max)
{
    const unsigned char *start = q;
    for (;;) {
        q += sg_json_plain_run((const char *)q, (size_t)(lim - q));
        if (q >= lim || *q < 0x20)
            return NULL;
        if (*q == '"')
            return (size_t)(q - start) <= max ? q + 1 : NULL;
        const unsigned char *cur = q + 1, *mar = cur;
        (void)mar;
        /*!re2c
            ["\\/bfnrt]       { q = cur; continue; }
            "u" hex hex hex hex { q = cur; continue; }
            *                   { return NULL; }
        */
    }
}

size_t sg_json_skip_value(const char *s, size_t pos, size_t len, size_t room, size_t max_string)
{
    const unsigned char *start = (const unsigned char *)s, *cur = start + pos, *lim = start + len;
    const unsigned char *mar = cur, *tok;
    (void)mar;
    unsigned char stack[256]; /* the closer of each open container */
    size_t depth = 0;
    int st = S_VALUE;
    /* one DFA run a token (its leading whitespace included); the grammar is the state st
     * and the stack */
    for (;;) {
        tok = cur;
        /*!re2c
            number = "-"? ("0" | [1-9][0-9]*) ("." [0-9]+)? ([eE] [+-]? [0-9]+)?;
            scalar = number | "null" | "true" | "false" | "NaN" | "Infinity" | "-Infinity";
            ws = [ \t\r\n]*; // folded into each token: one DFA run a token

            ws [{[] {
                if ((st != S_VALUE && st != S_VALUE_OR_END) || depth == sizeof stack || depth + 1 > room)
                    return 0;
                stack[depth++] = cur[-1] == '{' ? '}' : ']';
                st = cur[-1] == '{' ? S_KEY_OR_END : S_VALUE_OR_END;
                continue;
            }
            ws [}\]] {
                int empty = cur[-1] == '}' ? st == S_KEY_OR_END : st == S_VALUE_OR_END;
                if (!empty && !(st == S_AFTER && depth && stack[depth - 1] == cur[-1]))
                    return 0;
                if (--depth == 0)
                    return (size_t)(cur - start);
                st = S_AFTER;
                continue;
            }
            ws "," {
                if (st != S_AFTER || !depth)
                    return 0;
                st = stack[depth - 1] == '}' ? S_KEY : S_VALUE;
                continue;
            }
            ws ":" {
                if (st != S_COLON)
                    return 0;
                st = S_VALUE;
                continue;
            }
            ws ["] {
                if (!(cur = string_rest(cur, lim, max_string)))
                    return 0;
                if (st == S_KEY || st == S_KEY_OR_END) {
                    st = S_COLON;
                    continue;
                }
                goto value;
            }
            ws scalar {
                if (cur - tok >= 1000)
                    return 0; /* long numbers: the int limit is worded by the full reader */
                goto value;
            }
            * { return 0; }
        */
    value:
        if (st != S_VALUE && st != S_VALUE_OR_END)
            return 0;
        if (depth == 0)
            return (size_t)(cur - start);
        st = S_AFTER;
    }
}

/* json_scan.re — re2c scanners for the parts of crash JSON that no rule reads: a string is
 * validated (escapes, control characters) without being decoded. re2c turns this into
 * generated/json_scan.c (committed; `make regen` rewrites it). Runtime stage. */
#include "json_scan.h"

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

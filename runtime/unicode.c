/* unicode.c — lookups over the generated Unicode tables (unicode_data.c) and WTF-8 coding.
 * Runtime stage; also linked into sigc for the regex classes \d \w \s. */
#include "unicode.h"

int sg_u_in(const sg_urange *r, size_t n, uint32_t cp)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cp < r[mid].lo)
            hi = mid;
        else if (cp > r[mid].hi)
            lo = mid + 1;
        else
            return 1;
    }
    return 0;
}

int sg_u_isspace(uint32_t cp)
{
    if (cp < 0x80)
        return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1F);
    return sg_u_in(sg_u_space, sg_u_space_n, cp);
}

int sg_u_isprintable(uint32_t cp)
{
    if (cp < 0x80)
        return cp >= 0x20 && cp < 0x7F;
    return sg_u_in(sg_u_printable, sg_u_printable_n, cp);
}

int sg_u_isword(uint32_t cp)
{
    if (cp < 0x80)
        return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
               cp == '_';
    return sg_u_in(sg_u_word, sg_u_word_n, cp);
}

int sg_u_decimal_value(uint32_t cp)
{
    if (cp < 0x80)
        return (cp >= '0' && cp <= '9') ? (int)(cp - '0') : -1;
    if (!sg_u_in(sg_u_decimal, sg_u_decimal_n, cp))
        return -1;
    /* the run of ten containing cp starts at the greatest zero <= cp */
    size_t lo = 0, hi = sg_u_decimal_zero_n;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (sg_u_decimal_zero[mid] <= cp)
            lo = mid;
        else
            hi = mid;
    }
    return (int)(cp - sg_u_decimal_zero[lo]);
}

static uint32_t map_lookup(const sg_umap *m, size_t n, uint32_t cp)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cp < m[mid].from)
            hi = mid;
        else if (cp > m[mid].from)
            lo = mid + 1;
        else
            return m[mid].to;
    }
    return cp;
}

int sg_u_lower_cp(uint32_t cp, uint32_t out[3])
{
    if (cp < 0x80) {
        out[0] = (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
        return 1;
    }
    for (size_t i = 0; i < sg_u_lower_multi_n; i++) {
        if (sg_u_lower_multi[i].from == cp) {
            int k = 0;
            while (k < 3 && sg_u_lower_multi[i].to[k])
                out[k] = sg_u_lower_multi[i].to[k], k++;
            return k;
        }
    }
    out[0] = map_lookup(sg_u_lower, sg_u_lower_n, cp);
    return 1;
}

size_t sg_utf8_decode(const char *str, size_t len, uint32_t *cp)
{
    const unsigned char *s = (const unsigned char *)str;
    unsigned c = s[0];
    size_t need;
    uint32_t v, min;
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF)
        need = 1, v = c & 0x1F, min = 0x80;
    else if (c >= 0xE0 && c <= 0xEF)
        need = 2, v = c & 0x0F, min = 0x800;
    else if (c >= 0xF0 && c <= 0xF4)
        need = 3, v = c & 0x07, min = 0x10000;
    else {
        *cp = c;
        return 1;
    }
    if (len < need + 1) {
        *cp = c;
        return 1;
    }
    for (size_t i = 1; i <= need; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *cp = c;
            return 1;
        }
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF) {
        *cp = c;
        return 1;
    }
    *cp = v;
    return need + 1;
}

size_t sg_utf8_encode(uint32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

void sg_u_strip(const char **s, size_t *n)
{
    const char *p = *s, *e = *s + *n;
    uint32_t cp;
    while (p < e) {
        size_t k = sg_utf8_decode(p, (size_t)(e - p), &cp);
        if (!sg_u_isspace(cp))
            break;
        p += k;
    }
    while (e > p) {
        const char *q = e - 1;
        while (q > p && ((unsigned char)*q & 0xC0) == 0x80)
            q--;
        sg_utf8_decode(q, (size_t)(e - q), &cp);
        if (!sg_u_isspace(cp))
            break;
        e = q;
    }
    *s = p;
    *n = (size_t)(e - p);
}

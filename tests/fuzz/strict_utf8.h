/* strict_utf8.h — Python's strict "utf-8" codec as a check, for fuzz targets whose real input
 * path decodes text first (list files, JSON lines): no overlongs, no encoded surrogates,
 * nothing past U+10FFFF. Tests stage (make fuzz). */
#ifndef SG_FUZZ_STRICT_UTF8_H
#define SG_FUZZ_STRICT_UTF8_H
#include <stddef.h>
#include <stdint.h>

static inline int strict_utf8(const unsigned char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        unsigned char c = s[i];
        size_t n;
        uint32_t min, cp;
        if (c < 0x80) {
            i++;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            n = 2, min = 0x80, cp = c & 0x1Fu;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 3, min = 0x800, cp = c & 0x0Fu;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 4, min = 0x10000, cp = c & 0x07u;
        } else {
            return 0;
        }
        if (i + n > len)
            return 0;
        for (size_t k = 1; k < n; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return 0;
            cp = (cp << 6) | (s[i + k] & 0x3Fu);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return 0;
        i += n;
    }
    return 1;
}
#endif

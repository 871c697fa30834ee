/* jsonstr.c — JSON string literals decoded like Python's json.loads and encoded like
 * json.dumps(ensure_ascii=True). Runtime stage; shared by signify, sgmatch and the reader. */
#include "jsonstr.h"
#include "unicode.h"

static int hex4(const char *s, unsigned *v)
{
    unsigned x = 0;
    for (int i = 0; i < 4; i++) {
        char c = s[i];
        x <<= 4;
        if (c >= '0' && c <= '9')
            x |= (unsigned)(c - '0');
        else if (c >= 'a' && c <= 'f')
            x |= (unsigned)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            x |= (unsigned)(c - 'A' + 10);
        else
            return 0;
    }
    *v = x;
    return 1;
}

size_t sg_json_decode_string(const char *s, size_t len, sg_buf *out, size_t *errpos,
                             const char **errmsg)
{
    size_t i = 1;
    char enc[4];
    if (len == 0 || s[0] != '"') {
        *errpos = 0, *errmsg = "Expecting '\"'";
        return 0;
    }
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"')
            return i + 1;
        if (c < 0x20) {
            *errpos = i, *errmsg = "Invalid control character at";
            return 0;
        }
        if (c != '\\') {
            size_t run = sg_json_plain_run(s + i, len - i);
            sg_buf_add(out, s + i, run);
            i += run;
            continue;
        }
        if (i + 1 >= len)
            break;
        char e = s[i + 1];
        const char *simple = NULL;
        switch (e) {
        case '"': simple = "\""; break;
        case '\\': simple = "\\"; break;
        case '/': simple = "/"; break;
        case 'b': simple = "\b"; break;
        case 'f': simple = "\f"; break;
        case 'n': simple = "\n"; break;
        case 'r': simple = "\r"; break;
        case 't': simple = "\t"; break;
        case 'u': break;
        default:
            *errpos = i, *errmsg = "Invalid \\escape";
            return 0;
        }
        if (simple) {
            sg_buf_addc(out, simple[0]);
            i += 2;
            continue;
        }
        unsigned u, lo;
        if (i + 6 > len || !hex4(s + i + 2, &u)) {
            *errpos = i + 1, *errmsg = "Invalid \\uXXXX escape"; /* Python points at the u */
            return 0;
        }
        i += 6;
        /* Python pairs a high surrogate with a following \u low surrogate; a lone one stays */
        if (u >= 0xD800 && u <= 0xDBFF && i + 6 <= len && s[i] == '\\' && s[i + 1] == 'u' &&
            hex4(s + i + 2, &lo) && lo >= 0xDC00 && lo <= 0xDFFF) {
            u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
            i += 6;
        }
        sg_buf_add(out, enc, sg_utf8_encode(u, enc));
    }
    *errpos = len, *errmsg = "Unterminated string starting at";
    return 0;
}

static void add_u(sg_buf *out, unsigned v)
{
    static const char hx[] = "0123456789abcdef";
    char b[6] = {'\\', 'u', hx[(v >> 12) & 15], hx[(v >> 8) & 15], hx[(v >> 4) & 15], hx[v & 15]};
    sg_buf_add(out, b, 6);
}

void sg_json_encode_string(sg_buf *out, const char *s, size_t len)
{
    sg_buf_addc(out, '"');
    size_t i = 0;
    while (i < len) {
        size_t run = sg_json_ascii_run(s + i, len - i);
        if (run) {
            sg_buf_add(out, s + i, run);
            i += run;
            continue;
        }
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            switch (c) {
            case '"': sg_buf_add(out, "\\\"", 2); break;
            case '\\': sg_buf_add(out, "\\\\", 2); break;
            case '\n': sg_buf_add(out, "\\n", 2); break;
            case '\r': sg_buf_add(out, "\\r", 2); break;
            case '\t': sg_buf_add(out, "\\t", 2); break;
            case '\b': sg_buf_add(out, "\\b", 2); break;
            case '\f': sg_buf_add(out, "\\f", 2); break;
            default: add_u(out, c); /* other controls and DEL: json.dumps writes \u00XX */
            }
            i++;
            continue;
        }
        uint32_t cp;
        size_t n = sg_utf8_decode(s + i, len - i, &cp);
        i += n;
        if (cp >= 0x10000) {
            cp -= 0x10000;
            add_u(out, 0xD800 + (cp >> 10));
            add_u(out, 0xDC00 + (cp & 0x3FF));
        } else {
            add_u(out, cp);
        }
    }
    sg_buf_addc(out, '"');
}

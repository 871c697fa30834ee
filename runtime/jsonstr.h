/* jsonstr.h — JSON string literals the Python way (runtime stage, internal).
 * Decoding follows json.loads: every escape, \u0000 kept as a NUL byte, lone surrogates kept
 * (as WTF-8), raw control characters rejected (strict=True). Encoding follows json.dumps with
 * ensure_ascii=True: every non-ASCII code point as \uXXXX (surrogate pairs beyond the BMP). */
#ifndef SG_JSONSTR_H
#define SG_JSONSTR_H
#include "arena.h"
#include <stddef.h>
#if defined(__SSE2__) && defined(__GNUC__) && !defined(SG_NO_SIMD)
#include <emmintrin.h>
#endif

/* How many bytes of s[0..len) come before the first '"', '\\' or control character (len
 * when none): the plain run of a string literal. SSE2 sixteen bytes at a time unless
 * SG_NO_SIMD. Inline: the reader calls it for every string of a document. */
static inline size_t sg_json_plain_run(const char *s, size_t len)
{
    size_t i = 0;
#if defined(__SSE2__) && defined(__GNUC__) && !defined(SG_NO_SIMD)
    const __m128i quote = _mm_set1_epi8('"'), bslash = _mm_set1_epi8('\\'), ctl = _mm_set1_epi8(0x1F);
    for (; len - i >= 16; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        /* max(v, 0x1F) == 0x1F exactly for the unsigned bytes <= 0x1F */
        __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, bslash)),
                                   _mm_cmpeq_epi8(_mm_max_epu8(v, ctl), ctl));
        unsigned mask = (unsigned)_mm_movemask_epi8(hit);
        if (mask)
            return i + (size_t)__builtin_ctz(mask);
    }
#endif
    while (i < len && s[i] != '"' && s[i] != '\\' && (unsigned char)s[i] >= 0x20)
        i++;
    return i;
}

/* How many bytes of s[0..len) come before the first one json.dumps(ensure_ascii=True)
 * escapes: '"', '\\', a control character, DEL or any non-ASCII byte. SSE2 like the above. */
static inline size_t sg_json_ascii_run(const char *s, size_t len)
{
    size_t i = 0;
#if defined(__SSE2__) && defined(__GNUC__) && !defined(SG_NO_SIMD)
    const __m128i quote = _mm_set1_epi8('"'), bslash = _mm_set1_epi8('\\'), del = _mm_set1_epi8(0x7F),
                  space = _mm_set1_epi8(0x20);
    for (; len - i >= 16; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        /* signed: the bytes >= 0x80 are below 0x20 too */
        __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, bslash)),
                                   _mm_or_si128(_mm_cmpeq_epi8(v, del), _mm_cmplt_epi8(v, space)));
        unsigned mask = (unsigned)_mm_movemask_epi8(hit);
        if (mask)
            return i + (size_t)__builtin_ctz(mask);
    }
#endif
    while (i < len && (unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7F && s[i] != '"' &&
           s[i] != '\\')
        i++;
    return i;
}

/* Decodes the JSON string literal starting at s[0] == '"' within s[0..len). Appends the
 * decoded WTF-8 bytes to out. Returns bytes consumed (through the closing quote) or 0 on
 * error, with *errpos set to the offending byte offset and *errmsg to Python's wording. */
size_t sg_json_decode_string(const char *s, size_t len, sg_buf *out, size_t *errpos,
                             const char **errmsg);

/* Appends s[0..len) (WTF-8) to out as a JSON string literal, quotes included, exactly as
 * Python's json.dumps(ensure_ascii=True) writes it. Bytes that are not valid WTF-8 are
 * written as \u00XX of the byte (they cannot come from JSON input). */
void sg_json_encode_string(sg_buf *out, const char *s, size_t len);
#endif

/* json_scan.re — re2c scanners for the parts of crash JSON that no rule reads: whole
 * subtrees validated without being built, strings without being decoded. re2c turns this
 * into generated/json_scan.c (committed; `make regen` rewrites it). Runtime stage. */
#include "json_scan.h"

#include <stdint.h>
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
    number = "-"? ("0" | [1-9][0-9]*) ("." [0-9]+)? ([eE] [+-]? [0-9]+)?;
    scalar = number | "null" | "true" | "false" | "NaN" | "Infinity" | "-Infinity";
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

size_t sg_json_skip_tokens(const char *s, size_t pos, size_t len, size_t room, size_t max_string,
                           int rest)
{
    const unsigned char *start = (const unsigned char *)s, *cur = start + pos, *lim = start + len;
    const unsigned char *mar = cur, *tok;
    (void)mar;
    unsigned char stack[256]; /* the closer of each open container */
    size_t depth = 0;
    int st = S_VALUE;
    if (rest)
        stack[depth++] = ']'; /* inside an array, at an element */
    /* one DFA run a token (its leading whitespace included); the grammar is the state st
     * and the stack */
    for (;;) {
        tok = cur;
        /*!re2c
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

/* ---- a container, validated and skipped: 64-byte blocks of bit masks -------------------- */

/* The token-at-a-time DFA above costs a DFA run per token; most of a crash document is
 * short strings and punctuation, so containers are skipped the simdjson way instead: each
 * 64-byte block becomes bit masks (quotes, backslashes, control bytes, whitespace,
 * punctuation), string interiors come from a prefix XOR of the unescaped quotes, and the
 * grammar runs only on the bits that start a token. Scalars are checked by an re2c DFA. */
typedef struct {
    uint64_t quote, bslash, ctrl, ws, op;
} block_bits;

/* x86-64: SSE2 always; AVX2, AVX-512BW and AVX-512 VBMI2 where the processor has them. Each
 * variant of the chunk loop is compiled for its own instruction set (target attributes) and
 * chosen at run time (refill_of); the classifiers are inlined into it. */
#if (defined(__x86_64__) || defined(_M_X64)) && defined(__GNUC__) && !defined(SG_NO_SIMD)
#define SG_X86_BLOCKS 1
#include <immintrin.h>
#endif

static void classify_portable(const unsigned char *p, block_bits *b)
{
    uint64_t q = 0, bs = 0, ct = 0, w = 0, o = 0;
    for (int k = 0; k < 64; k++) {
        unsigned c = p[k];
        uint64_t bit = (uint64_t)1 << k;
        q |= c == '"' ? bit : 0;
        bs |= c == '\\' ? bit : 0;
        ct |= c < 0x20 ? bit : 0;
        w |= c == ' ' || c == '\t' || c == '\n' || c == '\r' ? bit : 0;
        o |= c == '{' || c == '}' || c == '[' || c == ']' || c == ':' || c == ',' ? bit : 0;
    }
    b->quote = q, b->bslash = bs, b->ctrl = ct, b->ws = w, b->op = o;
}

#ifdef SG_X86_BLOCKS

/* A byte's class is nib_lo[low nibble] & nib_hi[high nibble] (simdjson's table lookup): bits
 * 1, 2, 4 the punctuation , : and [ ] { }, bits 8, 16 the whitespace \t \n \r and space,
 * each bit naming one high nibble so that no other byte can carry it. */
static const unsigned char nib_lo[16] = { 16, 0, 0, 0, 0, 0, 0, 0, 0, 8, 10, 4, 1, 12, 0, 0 };
static const unsigned char nib_hi[16] = { 8, 0, 17, 2, 0, 4, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0 };
enum { CLASS_OP = 7, CLASS_WS = 24 };

static inline __attribute__((always_inline)) void classify_sse2(const unsigned char *p, block_bits *b)
{
    uint64_t q = 0, bs = 0, ct = 0, w = 0, o = 0;
    for (int k = 0; k < 64; k += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + k));
        __m128i f = _mm_or_si128(v, _mm_set1_epi8(0x20)); /* folds '[' onto '{', ']' onto '}' */
        __m128i c1f = _mm_set1_epi8(0x1F);
        __m128i ws = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\t'))),
                                  _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\r'))));
        __m128i op = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(f, _mm_set1_epi8('{')), _mm_cmpeq_epi8(f, _mm_set1_epi8('}'))),
                                  _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(':')), _mm_cmpeq_epi8(v, _mm_set1_epi8(','))));
        q |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('"'))) << k;
        bs |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))) << k;
        ct |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_max_epu8(v, c1f), c1f)) << k;
        w |= (uint64_t)(unsigned)_mm_movemask_epi8(ws) << k;
        o |= (uint64_t)(unsigned)_mm_movemask_epi8(op) << k;
    }
    b->quote = q, b->bslash = bs, b->ctrl = ct, b->ws = w, b->op = o;
}

__attribute__((target("avx2,bmi"))) static inline __attribute__((always_inline)) void
classify_avx2(const unsigned char *p, block_bits *b)
{
    uint64_t q = 0, bs = 0, ct = 0, w = 0, o = 0;
    for (int k = 0; k < 64; k += 32) {
        __m256i v = _mm256_loadu_si256((const __m256i *)(const void *)(p + k));
        __m256i c1f = _mm256_set1_epi8(0x1F), zero = _mm256_setzero_si256();
        const __m256i lo = _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)(const void *)nib_lo));
        const __m256i hi = _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)(const void *)nib_hi));
        __m256i nib = _mm256_set1_epi8(0x0F);
        __m256i cls = _mm256_and_si256(_mm256_shuffle_epi8(lo, _mm256_and_si256(v, nib)),
                                       _mm256_shuffle_epi8(hi, _mm256_and_si256(_mm256_srli_epi16(v, 4), nib)));
        __m256i op = _mm256_cmpeq_epi8(_mm256_and_si256(cls, _mm256_set1_epi8(CLASS_OP)), zero);
        __m256i ws = _mm256_cmpeq_epi8(_mm256_and_si256(cls, _mm256_set1_epi8(CLASS_WS)), zero);
        q |= (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, _mm256_set1_epi8('"'))) << k;
        bs |= (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, _mm256_set1_epi8('\\'))) << k;
        ct |= (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_max_epu8(v, c1f), c1f)) << k;
        w |= (uint64_t)(uint32_t)~_mm256_movemask_epi8(ws) << k; /* ws, op: 0xFF where not */
        o |= (uint64_t)(uint32_t)~_mm256_movemask_epi8(op) << k;
    }
    b->quote = q, b->bslash = bs, b->ctrl = ct, b->ws = w, b->op = o;
}

__attribute__((target("avx512bw,bmi"))) static inline __attribute__((always_inline)) void
classify_avx512(const unsigned char *p, block_bits *b)
{
    __m512i v = _mm512_loadu_si512((const void *)p);
    /* punctuation and whitespace by the nibble tables, tested into masks */
    const __m512i lo = _mm512_broadcast_i32x4(_mm_loadu_si128((const __m128i *)(const void *)nib_lo));
    const __m512i hi = _mm512_broadcast_i32x4(_mm_loadu_si128((const __m128i *)(const void *)nib_hi));
    __m512i nib = _mm512_set1_epi8(0x0F);
    __m512i cls = _mm512_and_si512(_mm512_shuffle_epi8(lo, _mm512_and_si512(v, nib)),
                                   _mm512_shuffle_epi8(hi, _mm512_and_si512(_mm512_srli_epi16(v, 4), nib)));
    b->quote = _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8('"'));
    b->bslash = _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8('\\'));
    b->ctrl = _mm512_cmplt_epu8_mask(v, _mm512_set1_epi8(0x20));
    b->op = _mm512_test_epi8_mask(cls, _mm512_set1_epi8(CLASS_OP));
    b->ws = _mm512_test_epi8_mask(cls, _mm512_set1_epi8(CLASS_WS));
}
#endif

/* Bit i set when an odd number of set bits of x lie at or below i: the interior of strings
 * (opening quote included, closing quote not) from the unescaped quotes. */
static uint64_t prefix_xor(uint64_t x)
{
    x ^= x << 1;
    x ^= x << 2;
    x ^= x << 4;
    x ^= x << 8;
    x ^= x << 16;
    x ^= x << 32;
    return x;
}

#ifdef SG_X86_BLOCKS
/* The same as one carry-less multiply by all ones (simdjson): one instruction for a chain
 * of twelve. */
__attribute__((target("pclmul"))) static inline __attribute__((always_inline)) uint64_t
prefix_xor_clmul(uint64_t x)
{
    __m128i v = _mm_set_epi64x(0, (long long)x);
    return (uint64_t)_mm_cvtsi128_si64(_mm_clmulepi64_si128(v, _mm_set1_epi8((char)0xFF), 0));
}
#endif

/* The bytes of the block at s[base] that a backslash escapes (*carry: the block's first byte
 * is escaped by the previous block's last), each escape checked as json.loads checks it: at
 * the first invalid one, *bad gets its backslash's bit and the scan stops. Backslashes
 * outside strings are refused later, as scalar bytes. */
static inline __attribute__((always_inline)) uint64_t
escaped_bytes(const unsigned char *s, size_t base, size_t len, uint64_t bs, uint64_t *carry, uint64_t *bad)
{
    uint64_t escaped = *carry;
    bs &= ~*carry;
    *carry = 0;
    while (bs) {
        int i = __builtin_ctzll(bs);
        size_t at = base + (size_t)i + 1; /* the escaped byte */
        const unsigned char *cur = s + at, *lim = s + len, *mar = cur;
        (void)mar;
        /*!re2c
            re2c:define:YYPEEK = "(cur < lim ? *cur : 0)";
            ["\\/bfnrt] | "u" hex hex hex hex { goto valid; }
            * { *bad |= (uint64_t)1 << i; return escaped; }
        */
    valid:
        if (i == 63) {
            *carry = 1;
            break;
        }
        escaped |= (uint64_t)2 << i;
        bs &= ~((uint64_t)3 << i); /* the backslash and the byte it escapes */
    }
    return escaped;
}

/* Whether a scalar may end before c: whitespace, a quote or punctuation. */
static const unsigned char delimiter[256] = {
    ['\t'] = 1, ['\n'] = 1, ['\r'] = 1, [' '] = 1, ['"'] = 1, [','] = 1, [':'] = 1,
    ['['] = 1, [']'] = 1, ['{'] = 1, ['}'] = 1,
};

/* scalar_end for what the common case does not settle: the scalar DFA. */
static __attribute__((noinline)) size_t scalar_end_dfa(const unsigned char *s, size_t at, size_t len)
{
    const unsigned char *cur = s + at, *lim = s + len, *mar = cur;
    (void)mar;
    /*!re2c
        re2c:define:YYPEEK = "(cur < lim ? *cur : 0)";
        scalar { goto lexeme; }
        * { return 0; }
    */
lexeme:;
    size_t end = (size_t)(cur - s);
    if (end - at >= 1000)
        return 0;
    return end < len && !delimiter[s[end]] ? 0 : end;
}

/* Past the scalar (number or literal) at s[at], or 0 when it is not one json.loads takes,
 * runs on into other scalar bytes, or has 1000 characters or more (the int limit is worded
 * by the full reader). Inline for the common scalar, a short integer (frame and line
 * numbers): digits, then a delimiter. */
static inline size_t scalar_end(const unsigned char *s, size_t at, size_t len)
{
    if (s[at] >= '1' && s[at] <= '9') {
        size_t end = at + 1;
        while (end < len && end - at < 20 && s[end] >= '0' && s[end] <= '9')
            end++;
        if (end < len && end - at < 20 && delimiter[s[end]])
            return end;
    }
    return scalar_end_dfa(s, at, len);
}

/* The blocks of one skip: what carries into the next block (an escape, a string, a scalar
 * run), and the token starts of a chunk of blocks, as offsets from its first byte, in order.
 * A chunk's tokens are taken in one loop: a loop over each block's would end, and so
 * mispredict, once a block. Chunks grow from one block to CHUNK_BLOCKS, so that a small
 * value (a frame past the 40 the rules read) is not followed by 4 KiB of classifying. */
enum { CHUNK_BLOCKS = 64 };
typedef struct {
    size_t next; /* the next block */
    uint64_t esc, in_str, scalar;
} carry;
typedef struct {
    const unsigned char *s;
    size_t len, base; /* base: where the chunk starts */
    unsigned chunk;   /* blocks in the next chunk */
    carry c;
    uint16_t tok[CHUNK_BLOCKS * 64 + 64]; /* room for a whole block written past the count */
} blocks;

typedef void classify_fn(const unsigned char *p, block_bits *b);
typedef size_t flatten_fn(uint16_t *out, uint64_t mask, unsigned offset);
typedef uint64_t prefix_fn(uint64_t x);
typedef size_t refill_fn(blocks *b);

/* The token starts of the next block, whose bytes are at p: punctuation outside strings,
 * opening quotes, the first byte of each scalar run; only those before the block's first raw
 * control character in a string or invalid escape, if it has one, and then it is the last
 * block. */
static inline __attribute__((always_inline)) uint64_t
block_tokens(const unsigned char *s, size_t len, carry *c, const unsigned char *p, classify_fn *classify,
             prefix_fn *prefix)
{
    size_t base = c->next;
    c->next = base + 64;
    block_bits m;
    classify(p, &m);
    uint64_t escaped = 0, bad = 0;
    if (m.bslash | c->esc)
        escaped = escaped_bytes(s, base, len, m.bslash, &c->esc, &bad);
    uint64_t quote = m.quote & ~escaped;
    uint64_t in_str = prefix(quote) ^ c->in_str;
    c->in_str = (uint64_t)0 - (in_str >> 63);
    bad |= m.ctrl & in_str; /* a raw control character in a string */
    uint64_t scalar = ~(m.ws | m.op | quote | in_str);
    uint64_t tokens = (m.op & ~in_str) | (quote & in_str) | (scalar & ~((scalar << 1) | c->scalar));
    c->scalar = scalar >> 63;
    if (bad) {
        /* the value may end before the bad byte (what follows it is not ours to judge):
         * keep the tokens before it, and no block after this one */
        tokens &= (bad & (0 - bad)) - 1;
        c->next = len;
    }
    return tokens;
}

/* The set bits of mask as offset + bit index at out[0..]: how many. Sixteen are written
 * whatever the count (simdjson's flatten), so that the loop rarely depends on it; bit 63
 * keeps ctz defined past the last. */
static inline __attribute__((always_inline)) size_t flatten_bits(uint16_t *out, uint64_t mask, unsigned offset)
{
    size_t cnt = (size_t)__builtin_popcountll(mask);
    for (int k = 0; k < 16; k++) {
        out[k] = (uint16_t)(offset + (unsigned)__builtin_ctzll(mask | (uint64_t)1 << 63));
        mask &= mask - 1;
    }
    for (size_t k = 16; mask; k++) {
        out[k] = (uint16_t)(offset + (unsigned)__builtin_ctzll(mask));
        mask &= mask - 1;
    }
    return cnt;
}

/* One chunk: how many token starts (none inside a long string); after a refused block,
 * next is len. The whole blocks go through a loop without calls, so that the classifier's
 * constants stay in vector registers (every one is caller-saved), and with what carries from
 * block to block in a local (the token stores could alias b); the last block, padded, after
 * it. */
static inline __attribute__((always_inline)) size_t chunk_tokens(blocks *b, classify_fn *classify,
                                                                 flatten_fn *flatten, prefix_fn *prefix)
{
    const unsigned char *s = b->s;
    size_t len = b->len, n = 0, whole = (len - b->c.next) / 64;
    unsigned k = 0, upto = whole < b->chunk ? (unsigned)whole : b->chunk;
    carry c = b->c;
    uint16_t *tok = b->tok;
    b->base = c.next;
    for (; k < upto && c.next < len; k++)
        n += flatten(tok + n, block_tokens(s, len, &c, s + c.next, classify, prefix), k * 64);
    if (k < b->chunk && c.next < len) {
        /* the last block, padded with whitespace */
        unsigned char tail[64];
        memset(tail, ' ', sizeof tail);
        memcpy(tail, s + c.next, len - c.next);
        n += flatten(tok + n, block_tokens(s, len, &c, tail, classify, prefix), k * 64);
    }
    b->c = c;
    if (b->chunk < CHUNK_BLOCKS)
        b->chunk *= 2;
    return n;
}

static size_t refill_portable(blocks *b)
{
    return chunk_tokens(b, classify_portable, flatten_bits, prefix_xor);
}
#ifdef SG_X86_BLOCKS
/* AVX-512 VBMI2: the set bits' indexes come from one compress of 0..63 */
__attribute__((target("avx512bw,avx512vbmi2,popcnt"))) static inline __attribute__((always_inline)) size_t
flatten_vbmi2(uint16_t *out, uint64_t mask, unsigned offset)
{
    static const unsigned char iota[64] = { 0,  1,  2,  3,  4,  5,  6,  7,  8,  9,  10, 11, 12, 13, 14, 15,
                                            16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31,
                                            32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47,
                                            48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63 };
    __m512i idx = _mm512_maskz_compress_epi8(mask, _mm512_loadu_si512((const void *)iota));
    __m512i off = _mm512_set1_epi16((short)offset);
    _mm512_storeu_si512((void *)out, _mm512_add_epi16(_mm512_cvtepu8_epi16(_mm512_castsi512_si256(idx)), off));
    _mm512_storeu_si512((void *)(out + 32),
                        _mm512_add_epi16(_mm512_cvtepu8_epi16(_mm512_extracti64x4_epi64(idx, 1)), off));
    return (size_t)__builtin_popcountll(mask);
}
/* AVX-512F alone: four compresses of 16 dword indexes, narrowed to words */
__attribute__((target("avx512f,popcnt"))) static inline __attribute__((always_inline)) size_t
flatten_avx512(uint16_t *out, uint64_t mask, unsigned offset)
{
    __m512i idx = _mm512_add_epi32(_mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15),
                                   _mm512_set1_epi32((int)offset));
    size_t n = 0;
    for (int q = 0; q < 4; q++) {
        __mmask16 m = (__mmask16)(mask >> (16 * q));
        __m512i c = _mm512_maskz_compress_epi32(m, _mm512_add_epi32(idx, _mm512_set1_epi32(16 * q)));
        _mm256_storeu_si256((__m256i *)(void *)(out + n), _mm512_cvtepi32_epi16(c));
        n += (size_t)__builtin_popcount((unsigned)m);
    }
    return n;
}
static size_t refill_sse2(blocks *b)
{
    return chunk_tokens(b, classify_sse2, flatten_bits, prefix_xor);
}
__attribute__((target("avx2,bmi,popcnt,pclmul"))) static size_t refill_avx2(blocks *b)
{
    return chunk_tokens(b, classify_avx2, flatten_bits, prefix_xor_clmul);
}
__attribute__((target("avx512f,avx512bw,bmi,popcnt,pclmul"))) static size_t refill_avx512(blocks *b)
{
    return chunk_tokens(b, classify_avx512, flatten_avx512, prefix_xor_clmul);
}
__attribute__((target("avx512bw,avx512vbmi2,bmi,popcnt,pclmul"))) static size_t refill_vbmi2(blocks *b)
{
    return chunk_tokens(b, classify_avx512, flatten_vbmi2, prefix_xor_clmul);
}
#endif

/* The block classifier for an instruction set, or NULL when this build or this processor
 * lacks it. */
static refill_fn *refill_of(int isa)
{
    switch (isa) {
#ifdef SG_X86_BLOCKS
    case SG_SCAN_AVX512_VBMI2:
        return __builtin_cpu_supports("avx512vbmi2") && __builtin_cpu_supports("avx512bw") &&
                       __builtin_cpu_supports("bmi") && __builtin_cpu_supports("popcnt") &&
                       __builtin_cpu_supports("pclmul") ? refill_vbmi2 : NULL;
    case SG_SCAN_AVX512:
        return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
                       __builtin_cpu_supports("bmi") && __builtin_cpu_supports("popcnt") &&
                       __builtin_cpu_supports("pclmul") ? refill_avx512 : NULL;
    case SG_SCAN_AVX2:
        return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("bmi") &&
                       __builtin_cpu_supports("popcnt") && __builtin_cpu_supports("pclmul")
                   ? refill_avx2 : NULL;
    case SG_SCAN_SSE2:
        return refill_sse2;
#endif
    case SG_SCAN_PORTABLE:
        return refill_portable;
    }
    return NULL;
}

/* The object or array at s[pos] (with rest: an array's elements from the one at s[pos] and
 * its ']'), validated: the position past it, or 0 (refused). The grammar state is where the
 * code is (simdjson's stage 2): a token costs a compare or two, where a state variable would
 * cost a dispatch. (A branch-free table DFA ran 1.5x slower here: three times the
 * instructions, for few mispredictions saved; most were the end of each block's tokens,
 * which the chunks removed.) */
static size_t skip_container(const unsigned char *s, size_t pos, size_t len, size_t room,
                             refill_fn *refill, int rest)
{
    blocks b;
    b.s = s, b.len = len, b.chunk = 1;
    b.c = (carry){ pos, 0, 0, 0 };
    unsigned char stack[256]; /* the closer of each open container */
    size_t depth = 0, at, i = 0, n = 0;
    unsigned char c;
#define TOKEN()                                                                                \
    do {                                                                                       \
        while (i == n) { /* a chunk may hold no token start: inside a long string */          \
            if (b.c.next >= b.len)                                                             \
                return 0;                                                                      \
            n = refill(&b);                                                                    \
            i = 0;                                                                             \
        }                                                                                      \
        at = b.base + b.tok[i++];                                                              \
        c = s[at];                                                                             \
    } while (0)
#define OPEN(closer, label)                                                                    \
    do {                                                                                       \
        if (depth == sizeof stack || depth + 1 > room)                                         \
            return 0;                                                                          \
        stack[depth++] = (closer);                                                             \
        goto label;                                                                            \
    } while (0)

    TOKEN();
    if (rest) {
        stack[depth++] = ']'; /* inside an array, at an element */
        goto array_value;
    }
    if (c == '[')
        OPEN(']', array_begin);
    if (c != '{')
        return 0;
    OPEN('}', object_begin);

object_begin:
    TOKEN();
    if (c == '}')
        goto close;
    if (c != '"')
        return 0;
object_key:
    TOKEN();
    if (c != ':')
        return 0;
    TOKEN();
    if (c == '"')
        goto object_next;
    if (c == '{')
        OPEN('}', object_begin);
    if (c == '[')
        OPEN(']', array_begin);
    if (!scalar_end(s, at, len))
        return 0;
object_next:
    TOKEN();
    if (c == ',') {
        TOKEN();
        if (c != '"')
            return 0;
        goto object_key;
    }
    if (c == '}')
        goto close;
    return 0;

array_begin:
    TOKEN();
    if (c == ']')
        goto close;
array_value:
    if (c == '"')
        goto array_next;
    if (c == '{')
        OPEN('}', object_begin);
    if (c == '[')
        OPEN(']', array_begin);
    if (!scalar_end(s, at, len)) /* also what is no value at all: , : } */
        return 0;
array_next:
    TOKEN();
    if (c == ',') {
        TOKEN();
        goto array_value;
    }
    if (c == ']')
        goto close;
    return 0;

close:
    if (stack[depth - 1] != c)
        return 0;
    if (--depth == 0)
        return at + 1;
    if (stack[depth - 1] == '}')
        goto object_next;
    goto array_next;
#undef TOKEN
#undef OPEN
}

/* What sg_json_skip_value and sg_json_skip_rest share: the block skip for a container (or
 * an array's rest) where a SIMD classifier runs and no string can pass max_string. */
static size_t skip(const char *s, size_t pos, size_t len, size_t room, size_t max_string, int rest)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t at = pos;
    while (at < len && (u[at] == ' ' || u[at] == '\t' || u[at] == '\n' || u[at] == '\r'))
        at++;
    /* a lone string or number (a frame's fields that no rule reads) without the token DFA's
     * setup; anything these refuse goes to the DFA, which words nothing but decides alike */
    if (!rest && at < len && u[at] == '"') {
        const unsigned char *q = string_rest(u + at + 1, u + len, max_string);
        if (q)
            return (size_t)(q - u);
    } else if (!rest && at < len && u[at] >= '1' && u[at] <= '9') {
        size_t end = scalar_end(u, at, len);
        if (end)
            return end;
    }
    /* the block skip does not measure strings: it takes a container only when no string in
     * the rest of the input can pass max_string */
    if (at < len && (rest || u[at] == '{' || u[at] == '[') && len - at <= max_string) {
        refill_fn *refill = NULL;
        for (int isa = SG_SCAN_AVX512_VBMI2; !refill; isa--)
            refill = refill_of(isa);
        /* the portable classifier, a byte at a time, is slower than the token DFA: it is
         * there for the tests and the sanitizer build */
        if (refill != refill_portable)
            return skip_container(u, at, len, room, refill, rest);
    }
    return sg_json_skip_tokens(s, pos, len, room, max_string, rest);
}

size_t sg_json_skip_value(const char *s, size_t pos, size_t len, size_t room, size_t max_string)
{
    return skip(s, pos, len, room, max_string, 0);
}

size_t sg_json_skip_rest(const char *s, size_t pos, size_t len, size_t room, size_t max_string)
{
    return skip(s, pos, len, room, max_string, 1);
}

size_t sg_json_skip_container_isa(const char *s, size_t pos, size_t len, size_t room, int isa, int rest)
{
    refill_fn *refill = refill_of(isa);
    if (!refill)
        return (size_t)-1;
    return skip_container((const unsigned char *)s, pos, len, room, refill, rest);
}

/* memo.c — the normalized-function memo (memo.h): a direct-mapped table of SLOTS entries over
 * one byte store; the store is emptied (every slot forgotten) when it has no room left. */
#include "memo.h"

#include <stdlib.h>
#include <string.h>

/* sizes by measurement: on the bench workload 4096 slots over 1 MiB find 76% of the frames
 * already normalized, 65536 over 8 MiB 79% */
enum { SLOTS = 4096, STORE = 1 << 20, MAX_ITEM = 4096 };

typedef struct slot {
    uint64_t hash;
    uint32_t at, klen, vlen; /* key then value at store + at */
    uint32_t gen;            /* the store's generation it was put in; 0: empty */
    int kind;
} slot;

struct sg_memo {
    slot slots[SLOTS];
    char *store;
    size_t used;
    uint32_t gen;
};

sg_memo *sg_memo_new(void)
{
    sg_memo *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->store = malloc(STORE);
    if (!m->store) {
        free(m);
        return NULL;
    }
    m->gen = 1;
    return m;
}

void sg_memo_free(sg_memo *m)
{
    if (!m)
        return;
    free(m->store);
    free(m);
}

/* The portable hash: eight bytes a step, each mixed by a multiply; two lanes of sixteen
 * bytes measured slower on function names, which are short. */
static uint64_t hash_mul(uint64_t h, const char *key, size_t n)
{
    const uint64_t k = UINT64_C(0xFF51AFD7ED558CCD);
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, key + i, 8);
        h = (h ^ w) * k;
        h ^= h >> 29;
    }
    if (i < n) {
        uint64_t w = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        if (n >= 8) {
            /* the last eight bytes, shifted past those already mixed: the same value as the
             * copy below, without a call for a copy of unknown size */
            memcpy(&w, key + n - 8, 8);
            w >>= 8 * (8 - (n - i));
        } else
#endif
            memcpy(&w, key + i, n - i);
        h = (h ^ w) * k;
        h ^= h >> 29;
    }
    return h;
}

#if defined(__x86_64__) && defined(__GNUC__) && !defined(SG_NO_SIMD)
#include <nmmintrin.h>
/* SSE4.2: eight bytes a CRC32C instruction, in two chains over the halves of the key (a
 * multiply chain costs twice the latency and more instructions a step); the multiply after
 * spreads the two 32-bit sums over 64 bits. */
__attribute__((target("sse4.2"))) static uint64_t hash_crc(uint64_t h, const char *key, size_t n)
{
    if (n < 8)
        return hash_mul(h, key, n);
    uint64_t a = (uint32_t)h, b = h >> 32, w;
    size_t half = n / 2, i = 0;
    for (; i + 8 <= half; i += 8) {
        memcpy(&w, key + i, 8);
        a = _mm_crc32_u64(a, w);
        memcpy(&w, key + half + i, 8);
        b = _mm_crc32_u64(b, w);
    }
    /* the bytes left in each half: the eight that end it (some taken twice) */
    memcpy(&w, half >= 8 ? key + half - 8 : key, 8);
    a = _mm_crc32_u64(a, w);
    memcpy(&w, key + n - 8, 8);
    b = _mm_crc32_u64(b, w);
    return (a | b << 32) * UINT64_C(0xFF51AFD7ED558CCD);
}
#endif

uint64_t sg_memo_hash(int kind, const char *key, size_t n)
{
    uint64_t h = UINT64_C(0x9E3779B97F4A7C15) ^ ((uint64_t)n << 8) ^ (uint64_t)(unsigned)kind;
#if defined(__x86_64__) && defined(__GNUC__) && !defined(SG_NO_SIMD)
    if (__builtin_cpu_supports("sse4.2"))
        h = hash_crc(h, key, n);
    else
#endif
        h = hash_mul(h, key, n);
    h *= UINT64_C(0xC4CEB9FE1A85EC53);
    return h ^ (h >> 32);
}

static size_t slot_of(uint64_t h) { return (size_t)(h >> 32) % SLOTS; }

const char *sg_memo_get(const sg_memo *m, uint64_t h, int kind, const char *key, size_t n,
                        size_t *vlen)
{
    const slot *s = &m->slots[slot_of(h)];
    if (s->gen != m->gen || s->hash != h || s->kind != kind || s->klen != n ||
        memcmp(m->store + s->at, key, n) != 0)
        return NULL;
    *vlen = s->vlen;
    return m->store + s->at + n;
}

void sg_memo_put(sg_memo *m, uint64_t h, int kind, const char *key, size_t n, const char *value,
                 size_t vlen)
{
    if (n > MAX_ITEM || vlen > MAX_ITEM)
        return;
    if (m->used + n + vlen > STORE) {
        m->used = 0;
        if (++m->gen == 0) { /* after 2^32 emptyings, slots of generation 0 would look valid */
            memset(m->slots, 0, sizeof m->slots);
            m->gen = 1;
        }
    }
    slot *s = &m->slots[slot_of(h)];
    memcpy(m->store + m->used, key, n);
    memcpy(m->store + m->used + n, value, vlen);
    *s = (slot){ h, (uint32_t)m->used, (uint32_t)n, (uint32_t)vlen, m->gen, kind };
    m->used += n + vlen;
}

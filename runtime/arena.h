/* arena.h — per-crash bump allocator and growable byte buffer (runtime stage, internal).
 * One arena per call: everything a crash needs is freed at once with sg_arena_reset, so the
 * hot path does no per-frame malloc. Memory is bounded by the input: blocks grow on demand. */
#ifndef SG_ARENA_H
#define SG_ARENA_H
#include <stddef.h>
#include <string.h>

typedef struct sg_arena_block sg_arena_block;
typedef struct sg_arena {
    sg_arena_block *head;  /* newest block first */
    unsigned char *next;   /* the head block's first free byte, and how many follow it */
    size_t room, total;    /* total: bytes held in all blocks */
    size_t limit;          /* 0 = no limit; else allocation fails past this many bytes */
} sg_arena;

void sg_arena_init(sg_arena *a, size_t limit);
/* sg_arena_alloc when the head block has no room for n (already rounded up to 8): a new
 * block. */
void *sg_arena_alloc_slow(sg_arena *a, size_t n);
/* Returns 8-byte aligned memory, or NULL when out of memory or over the limit. Inline while
 * the head block has room: the crash reader allocates some 400 nodes and strings a crash. */
static inline void *sg_arena_alloc(sg_arena *a, size_t n)
{
    n = n ? (n + 7) & ~(size_t)7 : 8;
    if (a->room >= n) {
        void *p = a->next;
        a->next += n;
        a->room -= n;
        return p;
    }
    return sg_arena_alloc_slow(a, n);
}
/* Copies n bytes and appends a NUL (not counted in n). */
char *sg_arena_strdup(sg_arena *a, const char *s, size_t n);
/* Frees all but the first block and rewinds (keeps memory for the next crash). */
void sg_arena_reset(sg_arena *a);
void sg_arena_free(sg_arena *a);

/* Growable buffer; on allocation failure `failed` is set and appends become no-ops. */
typedef struct sg_buf {
    char *p;
    size_t len, cap;
    int failed;
} sg_buf;

void sg_buf_init(sg_buf *b);
void sg_buf_free(sg_buf *b);
void sg_buf_reset(sg_buf *b);
void sg_buf_add_slow(sg_buf *b, const char *s, size_t n);
void sg_buf_addc_slow(sg_buf *b, char c);
/* Appends n bytes; inline while they fit (room for a NUL is always kept). */
static inline void sg_buf_add(sg_buf *b, const char *s, size_t n)
{
    if (b->cap - b->len > n) {
        memcpy(b->p + b->len, s, n);
        b->len += n;
    } else {
        sg_buf_add_slow(b, s, n);
    }
}
/* One byte: inline, since normalization appends byte by byte. */
static inline void sg_buf_addc(sg_buf *b, char c)
{
    if (b->len + 1 < b->cap)
        b->p[b->len++] = c;
    else
        sg_buf_addc_slow(b, c);
}
void sg_buf_adds(sg_buf *b, const char *s); /* NUL-terminated */
/* Ensures p[len] == 0 and returns p ("" when empty). */
const char *sg_buf_cstr(sg_buf *b);
#endif

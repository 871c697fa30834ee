/* arena.c — per-crash bump allocator and growable buffer (see arena.h). Runtime stage. */
#include "arena.h"
#include <stdlib.h>
#include <string.h>

struct sg_arena_block {
    sg_arena_block *next;
    size_t size;
    _Alignas(16) unsigned char data[];
};

enum { ARENA_FIRST = 16384 };

void sg_arena_init(sg_arena *a, size_t limit)
{
    a->head = NULL;
    a->next = NULL;
    a->room = a->total = 0;
    a->limit = limit;
}

void *sg_arena_alloc_slow(sg_arena *a, size_t n)
{
    size_t size = a->head ? a->head->size * 2 : ARENA_FIRST;
    while (size < n)
        size *= 2;
    if (a->limit && a->total + size > a->limit) {
        size = n; /* try an exact block before refusing */
        if (a->total + size > a->limit)
            return NULL;
    }
    sg_arena_block *b = malloc(sizeof *b + size);
    if (!b)
        return NULL;
    b->next = a->head;
    b->size = size;
    a->head = b;
    a->total += size;
    a->next = b->data + n;
    a->room = size - n;
    return b->data;
}

char *sg_arena_strdup(sg_arena *a, const char *s, size_t n)
{
    char *p = sg_arena_alloc(a, n + 1);
    if (!p)
        return NULL;
    if (n)
        memcpy(p, s, n);
    p[n] = 0;
    return p;
}

void sg_arena_reset(sg_arena *a)
{
    sg_arena_block *b = a->head;
    if (!b)
        return;
    while (b->next) {
        sg_arena_block *next = b->next;
        a->total -= b->size;
        /* keep the newest (largest) block, free the rest */
        b->next = next->next;
        free(next);
    }
    a->next = b->data;
    a->room = b->size;
}

void sg_arena_free(sg_arena *a)
{
    sg_arena_block *b = a->head;
    while (b) {
        sg_arena_block *next = b->next;
        free(b);
        b = next;
    }
    sg_arena_init(a, a->limit);
}

void sg_buf_init(sg_buf *b)
{
    b->p = NULL;
    b->len = b->cap = 0;
    b->failed = 0;
}

void sg_buf_free(sg_buf *b)
{
    free(b->p);
    sg_buf_init(b);
}

void sg_buf_reset(sg_buf *b)
{
    b->len = 0;
    b->failed = 0;
}

static int buf_reserve(sg_buf *b, size_t extra)
{
    if (b->failed)
        return 0;
    if (b->cap - b->len > extra)
        return 1;
    size_t cap = b->cap ? b->cap : 256;
    while (cap - b->len <= extra) {
        if (cap > ((size_t)-1) / 2) {
            b->failed = 1;
            return 0;
        }
        cap *= 2;
    }
    char *p = realloc(b->p, cap);
    if (!p) {
        b->failed = 1;
        return 0;
    }
    b->p = p;
    b->cap = cap;
    return 1;
}

void sg_buf_add_slow(sg_buf *b, const char *s, size_t n)
{
    if (!buf_reserve(b, n))
        return;
    if (n)
        memcpy(b->p + b->len, s, n);
    b->len += n;
}

void sg_buf_addc_slow(sg_buf *b, char c)
{
    if (buf_reserve(b, 1))
        b->p[b->len++] = c;
}

void sg_buf_adds(sg_buf *b, const char *s)
{
    sg_buf_add(b, s, strlen(s));
}

const char *sg_buf_cstr(sg_buf *b)
{
    if (!buf_reserve(b, 1))
        return "";
    b->p[b->len] = 0;
    return b->p;
}

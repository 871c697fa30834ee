/* util.c — checked allocation, text buffer, bump arena and file reading for sigc.
 * Compiler stage: sigc is a short-lived build tool, so running out of memory aborts. */
#include "util.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void *sgc_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) {
        fputs("sigc: out of memory\n", stderr);
        abort();
    }
    return p;
}

void *sgc_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) {
        fputs("sigc: out of memory\n", stderr);
        abort();
    }
    return q;
}

char *sgc_xstrndup(const char *s, size_t n)
{
    char *p = sgc_xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

void sgc_str_add(sgc_str *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 256;
        while (cap < b->len + n + 1)
            cap *= 2;
        b->p = sgc_xrealloc(b->p, cap);
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = 0;
}

void sgc_str_adds(sgc_str *b, const char *s) { sgc_str_add(b, s, strlen(s)); }

void sgc_str_printf(sgc_str *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    char *tmp = sgc_xmalloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(tmp, (size_t)n + 1, fmt, ap);
    va_end(ap);
    sgc_str_add(b, tmp, (size_t)n);
    free(tmp);
}

void sgc_str_free(sgc_str *b)
{
    free(b->p);
    b->p = NULL;
    b->len = b->cap = 0;
}

struct sgc_arena_blk {
    sgc_arena_blk *next;
    size_t size;
    _Alignas(16) unsigned char data[];
};

void *sgc_arena_alloc(sgc_arena *a, size_t n)
{
    n = (n + 15) & ~(size_t)15;
    if (!a->head || a->used + n > a->size) {
        size_t size = n > 65536 ? n : 65536;
        sgc_arena_blk *b = sgc_xmalloc(sizeof *b + size);
        b->next = a->head;
        b->size = size;
        a->head = b;
        a->used = 0;
        a->size = size;
    }
    void *p = a->head->data + a->used;
    a->used += n;
    memset(p, 0, n);
    return p;
}

void sgc_arena_free(sgc_arena *a)
{
    sgc_arena_blk *b = a->head;
    while (b) {
        sgc_arena_blk *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
    a->used = a->size = 0;
}

char *sgc_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    sgc_str b = {0};
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        sgc_str_add(&b, chunk, n);
    fclose(f);
    if (!b.p)
        sgc_str_add(&b, "", 0);
    *len = b.len;
    return b.p;
}

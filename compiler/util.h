/* util.h — small helpers for sigc: checked allocation, a growable text buffer and a bump
 * arena for AST nodes. Compiler stage only (the runtime has its own arena.h). */
#ifndef SGC_UTIL_H
#define SGC_UTIL_H
#include <stdarg.h>
#include <stddef.h>

void *sgc_xmalloc(size_t n);
void *sgc_xrealloc(void *p, size_t n);
char *sgc_xstrndup(const char *s, size_t n);

/* Growable NUL-terminated text buffer. */
typedef struct sgc_str {
    char *p;
    size_t len, cap;
} sgc_str;
void sgc_str_add(sgc_str *b, const char *s, size_t n);
void sgc_str_adds(sgc_str *b, const char *s);
void sgc_str_printf(sgc_str *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sgc_str_free(sgc_str *b);

/* Bump arena: everything one list's AST needs, freed at once. */
typedef struct sgc_arena_blk sgc_arena_blk;
typedef struct sgc_arena {
    sgc_arena_blk *head;
    size_t used, size;
} sgc_arena;
void *sgc_arena_alloc(sgc_arena *a, size_t n); /* zeroed, 16-byte aligned */
void sgc_arena_free(sgc_arena *a);

/* Reads a whole file; NULL when it cannot be opened (errno set). */
char *sgc_read_file(const char *path, size_t *len);
#endif

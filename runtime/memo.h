/* memo.h — normalized function names remembered across the crashes a context sees (runtime
 * stage, internal). Crashes of one product share most of their function names, and the same
 * name with the same language rules always normalizes to the same string, unless the line
 * number is appended (signatures_with_line_numbers): such results are not kept. Memory is
 * bounded: when the store is full it is emptied and starts again. */
#ifndef SG_MEMO_H
#define SG_MEMO_H
#include <stddef.h>
#include <stdint.h>

typedef struct sg_memo sg_memo;

/* Kinds of key: a C++ function, a Rust function, and a Rust function without the digits of
 * its hash (one entry for the function in every build, whose hashes differ). */
enum { SG_MEMO_CPP, SG_MEMO_RUST, SG_MEMO_RUST_UNHASHED };

sg_memo *sg_memo_new(void); /* NULL on ENOMEM */
void sg_memo_free(sg_memo *m);
/* The hash of a (kind, key) pair, for get and put. */
uint64_t sg_memo_hash(int kind, const char *key, size_t n);
/* The value put for (kind, key), or NULL. */
const char *sg_memo_get(const sg_memo *m, uint64_t h, int kind, const char *key, size_t n,
                        size_t *vlen);
/* Keeps a copy of value for (kind, key); a key or value too big is not kept. */
void sg_memo_put(sg_memo *m, uint64_t h, int kind, const char *key, size_t n, const char *value,
                 size_t vlen);
#endif

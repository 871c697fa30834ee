/* result.h — the Result of one signature-generation run, as Socorro's generator.Result holds
 * it: signature, notes, debug log and the "extra" fields (proto_signature, normalized_frames).
 * Runtime stage, internal. All strings live in the run's arena and are (ptr, len) WTF-8. */
#ifndef SG_RESULT_H
#define SG_RESULT_H
#include <stdarg.h>
#include <stddef.h>
#include "arena.h"
#include "csiggen.h"

/* The public sg_string: NUL-terminated for convenience, but may hold NUL bytes: use len. */
typedef sg_string sg_str;

typedef struct sg_strvec {
    sg_str *v;
    size_t n, cap;
} sg_strvec;

typedef struct sg_result {
    sg_arena *arena;         /* owner of every string below */
    int verbose;             /* debug lines are recorded only when set */
    int failed;              /* an allocation failed somewhere: the result is unusable */
    sg_str signature;
    sg_strvec notes;         /* "Rule: message" (Result.info) */
    sg_strvec debug;         /* "Rule: message" (Result.debug) */
    int has_frames;          /* extra["proto_signature"] / ["normalized_frames"] were set */
    sg_str proto_signature;
    sg_strvec normalized_frames;
    sg_str exc;              /* text of the Python exception a rule would have raised */
    sg_buf *scratch;         /* SG_SCRATCH buffers kept across crashes by the caller, or NULL */
    int need_threads;        /* SG_RULE_RETRY happened */
    struct sg_memo *memo;    /* normalized functions of earlier crashes (memo.h), or NULL */
    int line_read;           /* the last normalized function got its line number appended */
    int hash_free;           /* ... and its result holds for any digits of its Rust hash */
} sg_result;

/* Scratch buffers normalization borrows (sg_result_take) and returns (sg_result_give), inline
 * since every frame does it: with r->scratch set they keep their memory from frame to frame
 * and crash to crash, so the hot path does not malloc; without it they are plain local
 * buffers. */
#define SG_SCRATCH 6
static inline void sg_result_take(sg_result *r, int slot, sg_buf *b)
{
    if (r && r->scratch) {
        *b = r->scratch[slot];
        b->len = 0;
        b->failed = 0;
    } else {
        sg_buf_init(b);
    }
}

static inline void sg_result_give(sg_result *r, int slot, sg_buf *b)
{
    if (r && r->scratch && !b->failed) {
        r->scratch[slot] = *b;
        return;
    }
    sg_buf_free(b);
    /* the slot may still name that memory (or what realloc moved it from) */
    if (r && r->scratch)
        sg_buf_init(&r->scratch[slot]);
}

/* Return codes of rule actions and built-ins: */
#define SG_RULE_OK 0      /* ran (or predicate false) */
#define SG_RULE_RAISED 1  /* Python would have raised: r->exc holds str(exc); the pipeline notes
                             "RuleName: Rule failed: <exc>" and goes on with the next rule */
#define SG_RULE_FATAL (-1) /* out of memory or a limit: the crash gets an error, not a result */
#define SG_RULE_RETRY (-2) /* a rule reached a thread the crash reader left unbuilt: the run
                              stops, r->need_threads is set, and the caller runs it again on a
                              tree with that thread built */

void sg_result_init(sg_result *r, sg_arena *arena, int verbose);

/* Formats into the arena. Directives: %s (C string), %S (const sg_str *: any bytes, NUL
 * included), %d (int), %ld (long), %zu (size_t), %%. Returns {NULL,0} and sets r->failed on
 * allocation failure. */
sg_str sg_result_fmt(sg_result *r, const char *fmt, ...);
sg_str sg_result_vfmt(sg_result *r, const char *fmt, va_list ap);

/* Result.info / Result.debug: append "RULE: message". debug is a no-op unless verbose. */
void sg_result_info(sg_result *r, const char *rule, const char *fmt, ...);
void sg_result_debug(sg_result *r, const char *rule, const char *fmt, ...);
/* Result.set_signature: logs `change signature: "OLD" -> "NEW"` (debug) and sets it. */
void sg_result_set_signature(sg_result *r, const char *rule, sg_str sig);

/* Records the exception text (formatted as sg_result_fmt) and returns SG_RULE_RAISED. */
int sg_result_raise(sg_result *r, const char *fmt, ...);

/* Appends a string (already in the arena or copied there when copy is set). */
void sg_strvec_push(sg_result *r, sg_strvec *vec, sg_str s, int copy);
/* Room for n items in an empty vec (a thread's frames: no growing, no copies). */
void sg_strvec_reserve(sg_result *r, sg_strvec *vec, size_t n);
/* sg_strvec_push without a copy, inline while there is room. */
static inline void sg_strvec_add(sg_result *r, sg_strvec *vec, sg_str s)
{
    if (vec->n < vec->cap)
        vec->v[vec->n++] = s;
    else
        sg_strvec_push(r, vec, s, 0);
}
sg_str sg_str_copy(sg_result *r, const char *s, size_t len);
#endif

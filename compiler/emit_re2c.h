/* emit_re2c.h — writes the matchers of a loaded siglists directory as re2c specs, runs re2c
 * and leaves the C files (match_*.c, match_lines.c, sentinels.c) in an output directory.
 * Compiler stage. */
#ifndef SGC_EMIT_RE2C_H
#define SGC_EMIT_RE2C_H
#include "siglist.h"

typedef struct sgc_emit_opts {
    const char *re2c;        /* re2c program */
    const char *re2c_flags;  /* extra flags (e.g. "-s"), NULL for the default */
    const char *keep_re;     /* directory to keep the .re specs in, or NULL */
    unsigned timeout_s;      /* per re2c run */
} sgc_emit_opts;

/* Returns 0, or -1 with diagnostics in d. */
int sgc_emit_all(const sgc_siglists *s, const char *outdir, const sgc_emit_opts *o, sgc_diags *d);
#endif

/* pcre2_lists.c — see pcre2_lists.h. */
#define _POSIX_C_SOURCE 200809L
#include "pcre2_lists.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

/* "|".join(stripped non-comment lines) */
static char *join_list(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return NULL;
    sg_buf b;
    sg_buf_init(&b);
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int first = 1;
    while ((n = getline(&line, &cap, f)) > 0) {
        char *s = line, *e = line + n;
        while (s < e && (*s == ' ' || *s == '\t'))
            s++;
        while (e > s && (e[-1] == '\n' || e[-1] == '\r' || e[-1] == ' ' || e[-1] == '\t'))
            e--;
        if (s == e || *s == '#')
            continue;
        if (!first)
            sg_buf_addc(&b, '|');
        sg_buf_add(&b, s, (size_t)(e - s));
        first = 0;
    }
    free(line);
    fclose(f);
    char *joined = strdup(sg_buf_cstr(&b));
    sg_buf_free(&b);
    return joined;
}

pcre2_code *bench_pcre2_list(const char *dir, const char *file, char *why, size_t why_len)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    char *pat = join_list(path);
    if (!pat) {
        snprintf(why, why_len, "%s: cannot be read", path);
        return NULL;
    }
    int ec;
    PCRE2_SIZE eo;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED,
                                   PCRE2_UTF | PCRE2_ANCHORED | PCRE2_UCP, &ec, &eo, NULL);
    if (!re)
        snprintf(why, why_len, "PCRE2 could not compile the list (error %d at %zu)", ec, (size_t)eo);
    else
        pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
    free(pat);
    return re;
}

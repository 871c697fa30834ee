/* bench_match.c — generated matchers against PCRE2 with JIT on the same lists and frame
 * strings (bench stage; PCRE2 is used here only). Reads frame strings, one JSON string per
 * line, and the list files of the siglists directory the matchers were built from. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "jsonstr.h"
#include "matchers.h"
#include "pcre2_lists.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: bench_match SIGLISTS_DIR FRAMES.jsonl\n");
        return 2;
    }
    FILE *f = fopen(argv[2], "r");
    if (!f)
        return 2;
    char **subj = NULL;
    size_t *len = NULL, n = 0, cap = 0, lcap = 0;
    char *line = NULL;
    ssize_t got;
    while ((got = getline(&line, &lcap, f)) > 0) {
        sg_buf b;
        sg_buf_init(&b);
        size_t ep;
        const char *em;
        if (!sg_json_decode_string(line, (size_t)got, &b, &ep, &em))
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 1024;
            subj = realloc(subj, cap * sizeof *subj);
            len = realloc(len, cap * sizeof *len);
        }
        subj[n] = malloc(b.len + 1);
        memcpy(subj[n], b.p ? b.p : "", b.len);
        len[n++] = b.len;
        sg_buf_free(&b);
    }
    fclose(f);
    static const struct { const char *file; int (*fn)(const char *, size_t); } lists[] = {
        { "irrelevant_signature_re.txt", sg_match_irrelevant },
        { "prefix_signature_re.txt", sg_match_prefix },
        { "signatures_with_line_numbers_re.txt", sg_match_line_numbers },
    };
    printf("frame strings: %zu\n", n);
    for (size_t l = 0; l < 3; l++) {
        char why[256];
        pcre2_code *re = bench_pcre2_list(argv[1], lists[l].file, why, sizeof why);
        if (!re) {
            printf("%-40s %s\n", lists[l].file, why);
            continue;
        }
        pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
        int reps = 20;
        long agree = 0, hits = 0;
        double t0 = now();
        for (int r = 0; r < reps; r++)
            for (size_t i = 0; i < n; i++)
                hits += lists[l].fn(subj[i], len[i]);
        double t_ours = now() - t0;
        t0 = now();
        for (int r = 0; r < reps; r++)
            for (size_t i = 0; i < n; i++)
                hits -= pcre2_match(re, (PCRE2_SPTR)subj[i], len[i], 0, 0, md, NULL) >= 0;
        double t_pcre = now() - t0;
        for (size_t i = 0; i < n; i++)
            agree += lists[l].fn(subj[i], len[i]) ==
                     (pcre2_match(re, (PCRE2_SPTR)subj[i], len[i], 0, 0, md, NULL) >= 0);
        double ns_ours = t_ours / (double)(reps * (long)n) * 1e9, ns_pcre = t_pcre / (double)(reps * (long)n) * 1e9;
        printf("%-40s csiggen %7.1f ns/frame   PCRE2-JIT %7.1f ns/frame   ratio %.1fx   (verdicts agree on %ld/%zu)\n",
               lists[l].file, ns_ours, ns_pcre, ns_pcre / ns_ours, agree, n);
        pcre2_match_data_free(md);
        pcre2_code_free(re);
    }
    return 0;
}

/* match_pcre2.c — the PCRE2-JIT matcher variant (bench stage, bench-only): the four list
 * matchers of matchers.h answered by PCRE2 with JIT instead of the generated DFAs. Linked
 * ahead of libcsiggen.a (run.sh), it takes the place of the generated match_*.o, so that
 * signify runs end to end with a regex library as a conventional port would. The lists are
 * read from BENCH_SIGLISTS (a -D of the build) at the first match; a list PCRE2 cannot take
 * stops the process. Subjects that are not valid UTF-8 (WTF-8 from lone surrogates) do not
 * match. */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#include "matchers.h"
#include "pcre2_lists.h"

#ifndef BENCH_SIGLISTS
#error "build with -DBENCH_SIGLISTS='\"dir\"'"
#endif

enum { L_IRRELEVANT, L_PREFIX, L_LINE_NUMBERS, L_TRIM_DLL, L_N };
static const char *const list_file[L_N] = { "irrelevant_signature_re.txt", "prefix_signature_re.txt",
                                            "signatures_with_line_numbers_re.txt",
                                            "trim_dll_signature_re.txt" };
static pcre2_code *list_re[L_N];
static pthread_once_t compiled = PTHREAD_ONCE_INIT;
static _Thread_local pcre2_match_data *match_data;

static void compile_lists(void)
{
    for (int l = 0; l < L_N; l++) {
        char why[256];
        list_re[l] = bench_pcre2_list(BENCH_SIGLISTS, list_file[l], why, sizeof why);
        if (!list_re[l] && l != L_TRIM_DLL) { /* trim_dll is optional (older lists) */
            fprintf(stderr, "match_pcre2: %s: %s\n", list_file[l], why);
            exit(2);
        }
    }
}

static int match(int l, const char *s, size_t len)
{
    pthread_once(&compiled, compile_lists);
    if (!list_re[l])
        return 0;
    if (!match_data)
        match_data = pcre2_match_data_create(1, NULL);
    return pcre2_match(list_re[l], (PCRE2_SPTR)s, len, 0, 0, match_data, NULL) >= 0;
}

int sg_match_irrelevant(const char *s, size_t len) { return match(L_IRRELEVANT, s, len); }
int sg_match_prefix(const char *s, size_t len) { return match(L_PREFIX, s, len); }
int sg_match_line_numbers(const char *s, size_t len) { return match(L_LINE_NUMBERS, s, len); }
int sg_match_trim_dll(const char *s, size_t len) { return match(L_TRIM_DLL, s, len); }

/* no bound known without the compiler's analysis: the memo then keys every Rust function
 * with its hash (memo.h), which changes no result */
const size_t sg_match_irrelevant_reach = (size_t)-1, sg_match_prefix_reach = (size_t)-1,
             sg_match_line_numbers_reach = (size_t)-1, sg_match_trim_dll_reach = (size_t)-1;

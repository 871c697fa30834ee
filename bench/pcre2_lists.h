/* pcre2_lists.h — a siglist file as one PCRE2 pattern, for the bench's PCRE2-JIT baselines
 * (bench stage; PCRE2 is used in bench/ only): bench_match.c against the generated matchers,
 * match_pcre2.c in signify's place. */
#ifndef BENCH_PCRE2_LISTS_H
#define BENCH_PCRE2_LISTS_H
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

/* "|".join(stripped non-comment lines of dir/file), compiled anchored (re.match), UTF and
 * Unicode properties, JIT-compiled; NULL when the file is missing or PCRE2 refuses it (then
 * *why says so). */
pcre2_code *bench_pcre2_list(const char *dir, const char *file, char *why, size_t why_len);
#endif

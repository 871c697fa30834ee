/* matchers.h — what sigc generates for one siglists directory (generated/ or
 * $(BUILD)/generated), as the runtime sees it. Runtime stage, internal.
 * Each matcher answers Python's `re.match("|".join(lines), s) is not None` for one list, on
 * s[0..len) as WTF-8 (NUL bytes allowed); the functions are pure and thread-safe. */
#ifndef SG_MATCHERS_H
#define SG_MATCHERS_H
#include <stddef.h>

int sg_match_irrelevant(const char *s, size_t len);
int sg_match_prefix(const char *s, size_t len);
int sg_match_line_numbers(const char *s, size_t len);
/* trim_dll_signature_re.txt is optional (older lists); absent means never consulted. */
int sg_match_trim_dll(const char *s, size_t len);
/* Each list's reach R: when len > R, the verdict depends on s[0..R] alone, whatever
 * follows; (size_t)-1 when the list has no bound (a line with an unbounded repeat). */
extern const size_t sg_match_irrelevant_reach, sg_match_prefix_reach, sg_match_line_numbers_reach,
    sg_match_trim_dll_reach;
/* Exact lookup in signature_sentinels.txt: 1 when s equals one of its lines. */
int sg_is_sentinel(const char *s, size_t len);

/* Which lists the siglists directory had (trim_dll may be missing), and a SHA-256 (hex)
 * over all list files, which the rule program header repeats so mismatches are caught. */
typedef struct sg_listinfo {
    const char *name;      /* "irrelevant", "prefix", "line_numbers", "trim_dll", "sentinels" */
    const char *file;      /* e.g. "irrelevant_signature_re.txt" */
    int present;           /* 0 when the file was absent */
    unsigned n_patterns;   /* pattern lines (after comments and blanks) */
} sg_listinfo;
extern const sg_listinfo sg_lists[5];
extern const char sg_siglists_sha256[65];
#endif

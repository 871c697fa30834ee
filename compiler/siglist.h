/* siglist.h — a siglists directory as sigc sees it: the five list files, their pattern lines
 * (strict UTF-8, str.strip()ped, blanks and '#' comments skipped, physical line numbers kept)
 * and each line parsed and lowered. Compiler stage. */
#ifndef SGC_SIGLIST_H
#define SGC_SIGLIST_H
#include "ast.h"
#include "diag.h"

enum { SGC_L_IRRELEVANT, SGC_L_PREFIX, SGC_L_LINE_NUMBERS, SGC_L_TRIM_DLL, SGC_L_SENTINELS, SGC_NLISTS };

typedef struct sgc_line {
    unsigned lineno;     /* 1-based physical line */
    char *text;          /* the stripped pattern (NUL-terminated; may hold NUL bytes) */
    size_t len;
    unsigned col0;       /* code points stripped from the start of the physical line */
    char *phys;          /* the physical line for carets (NULs shown as spaces) */
    sgc_node *ast;       /* parsed; NULL on error */
    sgc_node *low;       /* lowered (ast.h sgc_lower); NULL on error or for sentinels */
} sgc_line;

typedef struct sgc_list {
    const char *name;    /* "irrelevant", ... (matchers.h names) */
    const char *file;    /* "irrelevant_signature_re.txt", ... */
    int required;        /* Socorro cannot start without it */
    int is_regex;        /* sentinels are literal strings (but Socorro still compiles them) */
    int present;
    char *path;
    char *raw;           /* file bytes (for the SHA-256) */
    size_t rawlen;
    sgc_line *lines;
    size_t n;
} sgc_list;

typedef struct sgc_siglists {
    const char *dir;
    sgc_list lists[SGC_NLISTS];
    sgc_arena arena;
    sgc_names names[SGC_NLISTS];
    unsigned groups[SGC_NLISTS];
    char sha256[65];
} sgc_siglists;

/* Reads, parses and lowers every list of dir; problems go to d (every one, not the first).
 * Returns the number of errors. */
unsigned sgc_siglists_load(sgc_siglists *s, const char *dir, sgc_diags *d);
void sgc_siglists_free(sgc_siglists *s);
/* file:line:col for a problem at code point pos of line ln's pattern */
void sgc_line_diag(sgc_diags *d, sgc_severity sev, const char *wname, const sgc_list *l,
                   const sgc_line *ln, unsigned pos, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));

/* SHA-256 over the list files as emitted in sentinels.c (sha256.c): for each list in the
 * order above that is present: its file name, '\n', its byte length in decimal, '\n', its
 * bytes. Helper programs (the rules compiler) repeat it in their headers. */
void sgc_sha256(const unsigned char *data, size_t len, unsigned char out[32]);
void sgc_siglists_digest(const sgc_siglists *s, char hex[65]);
#endif

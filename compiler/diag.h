/* diag.h — sigc diagnostics as values: `file:line:col: error: message`, the source line and a
 * caret, collected in a list so lint can report every problem, not just the first.
 * Compiler stage. Warnings carry a name (`[-Wduplicate-line]`) and can be made errors. */
#ifndef SGC_DIAG_H
#define SGC_DIAG_H
#include <stdio.h>

typedef enum { SGC_ERROR, SGC_WARNING, SGC_NOTE } sgc_severity;

typedef struct sgc_diag {
    sgc_severity sev;
    char *file;      /* as given on the command line, e.g. siglists/prefix_signature_re.txt */
    unsigned line;   /* 1-based physical line; 0 = about the whole file */
    unsigned col;    /* 1-based, in code points of the physical line; 0 = no column */
    char *name;      /* warning name without -W (NULL for errors) */
    char *msg;
    char *src;       /* the physical line (without newline) or NULL */
} sgc_diag;

typedef struct sgc_diags {
    sgc_diag *v;
    size_t n, cap;
    unsigned errors, warnings;
} sgc_diags;

void sgc_diag_add(sgc_diags *d, sgc_severity sev, const char *name, const char *file,
                  unsigned line, unsigned col, const char *src, const char *fmt, ...)
    __attribute__((format(printf, 8, 9)));
/* Prints every diagnostic in order; with werror warnings print as errors. */
void sgc_diag_print(const sgc_diags *d, FILE *out, int werror);
void sgc_diags_free(sgc_diags *d);
#endif

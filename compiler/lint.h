/* lint.h — `sigc lint` checks beyond validity: named warnings over a loaded siglists
 * directory (duplicates, redundant lines, empty matches, regex-looking sentinels).
 * Compiler stage. */
#ifndef SGC_LINT_H
#define SGC_LINT_H
#include "siglist.h"

void sgc_lint(const sgc_siglists *s, sgc_diags *d);
#endif

/* rules_emit.h — the rules compiler's result, shared by build, disasm and doc. Compiler stage. */
#ifndef SGC_RULES_EMIT_H
#define SGC_RULES_EMIT_H
#include <stdint.h>
#include <stdio.h>
#include "rules_ast.h"

typedef struct sgc_program {
    char *src;
    size_t src_len;
    sgc_arena arena;
    rparse parse;
    uint8_t *code;
    size_t code_len;
    const char **str;
    size_t *str_len;
    size_t n_str, n_rules;
    size_t frames_read; /* most frames any c_signature call reads; 0: not known */
} sgc_program;

/* Parses and compiles a rules file; diagnostics go to d. 0 on success. Free with
 * sgc_program_free in every case. */
int sgc_rules_compile(const char *file, sgc_diags *d, sgc_program *out);
void sgc_program_free(sgc_program *prog);
void sgc_program_disasm(const sgc_program *prog, FILE *out);
/* The rules file to use when a siglists directory has no pipeline.rules (sigc --rules). */
void sgc_rules_set_fallback(const char *path);
#endif

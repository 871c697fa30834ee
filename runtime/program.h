/* program.h — a compiled rule program as sigc emits it (generated/program.c) and the VM runs
 * it: const bytecode and a string table, with a header checked before running (Lua lundump
 * checkHeader style). Runtime stage, internal. Instruction set: opcodes.h. */
#ifndef SG_PROGRAM_H
#define SG_PROGRAM_H
#include <stddef.h>
#include <stdint.h>
#include "csiggen.h"

#define SG_PROGRAM_MAGIC 0x53475052u /* "SGPR" */
#define SG_PROGRAM_VERSION 3u
#define SG_PROGRAM_MAX_LOCALS 16
#define SG_PROGRAM_MAX_STACK 32

typedef struct sg_program {
    uint32_t magic, version;
    const char *siglists_sha256; /* must equal sg_siglists_sha256 of the linked matchers */
    const uint8_t *code;
    size_t code_len;
    const char *const *str;      /* string table; str_len[i] bytes each */
    const uint32_t *str_len;
    size_t n_str;
    size_t n_rules;
    size_t frames_read; /* most frames of a thread any rule reads (0: not known): the crash
                           reader builds no more than these */
} sg_program;

/* The program linked into this build (generated/program.c). */
extern const sg_program sg_program_linked;

/* Checks header, operands, jump targets and string indexes once; SG_OK or SG_EPROGRAM. */
sg_status sg_program_check(const sg_program *prog, sg_error *err);
#endif

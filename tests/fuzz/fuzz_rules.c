/* fuzz_rules.c — libFuzzer target for the rules-language front end (tests stage, `make fuzz`):
 * the input is a whole pipeline.rules file, compiled the way `sigc build` compiles it (re2c
 * lexer, Lemon grammar, checks, bytecode emission), then disassembled. A diagnostic is a fine
 * answer; crashes, hangs, leaks and sanitizer reports are not. */
#include "rules_emit.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char path[64];

static void remove_input(void) { unlink(path); }

/* sgc_rules_compile reads a file: keep one per process, in memory when /dev/shm exists */
static const char *input_file(void)
{
    if (!path[0]) {
        snprintf(path, sizeof path, "%s/sg-fuzz-rules-%ld.rules",
                 access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp", (long)getpid());
        atexit(remove_input);
    }
    return path;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *file = input_file();
    FILE *f = fopen(file, "wb");
    if (!f)
        return 0;
    fwrite(data, 1, size, f);
    fclose(f);
    sgc_diags d;
    sgc_program prog;
    memset(&d, 0, sizeof d);
    memset(&prog, 0, sizeof prog);
    if (sgc_rules_compile(file, &d, &prog) == 0) {
        FILE *null = fopen("/dev/null", "w");
        if (null) {
            sgc_program_disasm(&prog, null);
            fclose(null);
        }
    }
    FILE *null = fopen("/dev/null", "w");
    if (null) {
        sgc_diag_print(&d, null, 0);
        fclose(null);
    }
    sgc_program_free(&prog);
    sgc_diags_free(&d);
    return 0;
}

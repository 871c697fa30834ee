/* rules_pending.c — weak stand-ins for the rules compiler hooks (sigc.h) until
 * compiler/rules_*.c provide them; the rules owner deletes this file. Compiler stage. */
#include "sigc.h"

__attribute__((weak)) int sgc_rules_build(const char *siglists_dir, const char *outdir, FILE *err)
{
    (void)siglists_dir;
    (void)outdir;
    (void)err;
    return 0;
}

__attribute__((weak)) int sgc_cmd_disasm(int argc, char **argv)
{
    (void)argc;
    fprintf(stderr, "sigc %s: not available in this build (the rules compiler is pending)\n", argv[0]);
    return 2;
}

__attribute__((weak)) int sgc_cmd_doc(int argc, char **argv)
{
    (void)argc;
    fprintf(stderr, "sigc %s: not available in this build (the rules compiler is pending)\n", argv[0]);
    return 2;
}

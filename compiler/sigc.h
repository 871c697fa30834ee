/* sigc.h — what sigc's parts share across owners: the hooks the rules compiler implements
 * (compiler/rules_*.c) and the siglists digest both halves agree on. Compiler stage. */
#ifndef SGC_SIGC_H
#define SGC_SIGC_H
#include <stdio.h>

/* Compiles siglists_dir/pipeline.rules into outdir/program.c. Returns 0 on success (and when
 * there is no pipeline.rules: then nothing is written); diagnostics go to err. */
int sgc_rules_build(const char *siglists_dir, const char *outdir, FILE *err);
/* `sigc disasm ...` and `sigc doc ...` (argv[0] is the subcommand name); exit status. */
int sgc_cmd_disasm(int argc, char **argv);
int sgc_cmd_doc(int argc, char **argv);

/* The SHA-256 (64 hex digits + NUL) over siglists_dir's list files that generated/sentinels.c
 * carries as sg_siglists_sha256: for each of irrelevant_signature_re.txt,
 * prefix_signature_re.txt, signatures_with_line_numbers_re.txt, trim_dll_signature_re.txt,
 * signature_sentinels.txt that exists, in that order: its file name, "\n", its size in
 * decimal, "\n", its bytes. Returns 0, or -1 when a file cannot be read. */
int sgc_siglists_sha256(const char *siglists_dir, char hex[65]);
#endif

/* sigc.c — the siglists compiler's command line: a table of subcommands (build, lint, doc,
 * disasm), option parsing, exit codes. Compiler stage; the work happens in siglist.c,
 * emit_re2c.c, lint.c and the rules compiler (sigc.h hooks). */
#include "emit_re2c.h"
#include "lint.h"
#include "sigc.h"
#include "rules_emit.h"
#include "siglist.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *build_help =
    "usage: sigc build DIR -o OUTDIR [--re2c PATH] [--re2c-flags FLAGS] [--keep-re DIR]\n"
    "\n"
    "Compiles the siglists directory DIR into C sources in OUTDIR: match_irrelevant.c,\n"
    "match_prefix.c, match_line_numbers.c, match_trim_dll.c, sentinels.c, match_lines.c\n"
    "(and program.c from DIR/pipeline.rules when present). Each list becomes one DFA that\n"
    "answers Python's re.match(\"|\".join(lines), s). Needs re2c (default: re2c on PATH).\n"
    "Errors are printed as file:line:col and make sigc exit 1; nothing is half-written.\n"
    "  -o OUTDIR          where the .c files go (created if missing)\n"
    "  --re2c PATH        the re2c program\n"
    "  --rules FILE       the rule pipeline to compile when DIR has no pipeline.rules\n"
    "  --re2c-flags F     one extra re2c flag (default -s: nested ifs, the smallest C;\n"
    "                     \"\" for switch statements, -b for bit vectors)\n"
    "  --keep-re DIR      also write the re2c specs (*.re) to DIR, for reading\n"
    "  --timeout SECONDS  limit for each re2c run (default 60)\n";

static const char *lint_help =
    "usage: sigc lint DIR [--werror]\n"
    "\n"
    "Checks every list of the siglists directory DIR and reports every problem, not just the\n"
    "first: errors (what Python's re rejects, what a DFA cannot do, sigc's limits) and\n"
    "warnings: -Wduplicate-line, -Wredundant-line (an earlier line that is a plain literal\n"
    "already matches whatever this line matches), -Wempty-match (the line matches the empty\n"
    "string, so the list matches everything), -Wempty-list, -Wnever-matches, -Wsentinel-regex\n"
    "(a sentinel with regex syntax; sentinels are exact strings).\n"
    "Exit status: 0 clean, 1 errors (or warnings with --werror), 2 usage.\n";

static const char *main_help =
    "usage: sigc COMMAND [ARGS]   (sigc COMMAND --help for details)\n"
    "\n"
    "commands:\n"
    "  build DIR -o OUTDIR   compile a siglists directory to C matchers (and the rule program)\n"
    "  lint DIR [--werror]   report every error and warning in a siglists directory\n"
    "  doc ...               document the rule pipeline (pipeline.rules)\n"
    "  disasm ...            disassemble a compiled rule program\n"
    "See docs/sigc.md.\n";

static int wants_help(int argc, char **argv)
{
    for (int i = 1; i < argc; i++)
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h"))
            return 1;
    return 0;
}

static int cmd_build(int argc, char **argv)
{
    if (wants_help(argc, argv)) {
        fputs(build_help, stdout);
        return 0;
    }
    const char *dir = NULL, *out = NULL;
    sgc_emit_opts o = {"re2c", "-s", NULL, 60};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int more = i + 1 < argc;
        if (!strcmp(a, "-o") && more)
            out = argv[++i];
        else if (!strcmp(a, "--re2c") && more)
            o.re2c = argv[++i];
        else if (!strcmp(a, "--re2c-flags") && more)
            o.re2c_flags = argv[++i];
        else if (!strcmp(a, "--keep-re") && more)
            o.keep_re = argv[++i];
        else if (!strcmp(a, "--rules") && more)
            sgc_rules_set_fallback(argv[++i]);
        else if (!strcmp(a, "--timeout") && more)
            o.timeout_s = (unsigned)atoi(argv[++i]);
        else if (a[0] != '-' && !dir)
            dir = a;
        else {
            fprintf(stderr, "sigc build: unexpected argument '%s'\n%s", a, build_help);
            return 2;
        }
    }
    if (!dir || !out) {
        fputs(build_help, stderr);
        return 2;
    }
    sgc_diags d;
    memset(&d, 0, sizeof d);
    sgc_siglists s;
    sgc_siglists_load(&s, dir, &d);
    int rc = 0;
    if (d.errors == 0 && sgc_emit_all(&s, out, &o, &d) < 0)
        rc = 1;
    sgc_diag_print(&d, stderr, 0);
    if (d.errors)
        rc = 1;
    sgc_siglists_free(&s);
    sgc_diags_free(&d);
    if (rc == 0 && sgc_rules_build(dir, out, stderr) != 0)
        rc = 1;
    return rc;
}

static int cmd_lint(int argc, char **argv)
{
    if (wants_help(argc, argv)) {
        fputs(lint_help, stdout);
        return 0;
    }
    const char *dir = NULL;
    int werror = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--werror"))
            werror = 1;
        else if (argv[i][0] != '-' && !dir)
            dir = argv[i];
        else {
            fprintf(stderr, "sigc lint: unexpected argument '%s'\n%s", argv[i], lint_help);
            return 2;
        }
    }
    if (!dir) {
        fputs(lint_help, stderr);
        return 2;
    }
    sgc_diags d;
    memset(&d, 0, sizeof d);
    sgc_siglists s;
    sgc_siglists_load(&s, dir, &d);
    sgc_lint(&s, &d);
    sgc_diag_print(&d, stderr, werror);
    fprintf(stderr, "%s: %u error%s, %u warning%s\n", dir, d.errors, d.errors == 1 ? "" : "s",
            d.warnings, d.warnings == 1 ? "" : "s");
    int rc = d.errors || (werror && d.warnings) ? 1 : 0;
    sgc_siglists_free(&s);
    sgc_diags_free(&d);
    return rc;
}

int sgc_siglists_sha256(const char *siglists_dir, char hex[65])
{
    sgc_siglists s;
    memset(&s, 0, sizeof s);
    static const char *files[SGC_NLISTS] = {
        "irrelevant_signature_re.txt", "prefix_signature_re.txt",
        "signatures_with_line_numbers_re.txt", "trim_dll_signature_re.txt", "signature_sentinels.txt"};
    int rc = 0;
    for (int i = 0; i < SGC_NLISTS; i++) {
        size_t n = strlen(siglists_dir) + strlen(files[i]) + 2;
        char *path = sgc_xmalloc(n);
        snprintf(path, n, "%s/%s", siglists_dir, files[i]);
        s.lists[i].file = files[i];
        s.lists[i].raw = sgc_read_file(path, &s.lists[i].rawlen);
        s.lists[i].present = s.lists[i].raw != NULL;
        free(path);
    }
    sgc_siglists_digest(&s, hex);
    for (int i = 0; i < SGC_NLISTS; i++)
        free(s.lists[i].raw);
    return rc;
}

static const struct {
    const char *name;
    int (*fn)(int, char **);
    const char *what;
} commands[] = {
    {"build", cmd_build, "compile a siglists directory"},
    {"lint", cmd_lint, "check a siglists directory"},
    {"doc", sgc_cmd_doc, "document the rule pipeline"},
    {"disasm", sgc_cmd_disasm, "disassemble a rule program"},
};

int main(int argc, char **argv)
{
    if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
        fputs(main_help, argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (!strcmp(argv[1], commands[i].name))
            return commands[i].fn(argc - 1, argv + 1);
    fprintf(stderr, "sigc: unknown command '%s'\n%s", argv[1], main_help);
    return 2;
}

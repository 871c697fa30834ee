/* rules_emit.c — compiles a pipeline.rules tree (rules_ast.h) to the VM's bytecode
 * (runtime/opcodes.h) and writes it as generated/program.c; also `sigc disasm`.
 * Compiler stage. Output is deterministic: strings are numbered in order of first use. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "opcodes.h"
#include "program.h"
#include "rules_ast.h"
#include "rules_emit.h"
#include "sigc.h"

static const struct { const char *name; int nops; } op_info[] = {
#define SG_OP_INFO(name, n, doc) { #name, n },
    SG_OPCODES(SG_OP_INFO)
#undef SG_OP_INFO
};
static const struct { const char *name; int arity; } builtin_info[] = {
#define SG_BI_INFO(name, n, doc) { #name, n },
    SG_BUILTINS(SG_BI_INFO)
#undef SG_BI_INFO
};
static const struct { const char *name; long bit; } exc_info[] = {
#define SG_EXC_INFO(name, bit) { #name, bit },
    SG_EXCEPTIONS(SG_EXC_INFO)
#undef SG_EXC_INFO
};

typedef struct emitter {
    rparse *p;
    uint8_t *code;
    size_t len, cap;
    const char **str;
    size_t *str_len;
    size_t n_str, cap_str;
    const char *locals[SG_PROGRAM_MAX_LOCALS];
    size_t local_len[SG_PROGRAM_MAX_LOCALS];
    unsigned n_locals;
    size_t n_rules;
    long frames_read;   /* the largest constant max_frames given to c_signature */
    int frames_unknown; /* some c_signature call takes a max_frames that is not a constant */
} emitter;

static void put(emitter *e, uint8_t b)
{
    if (e->len == e->cap) {
        e->cap = e->cap ? e->cap * 2 : 256;
        e->code = sgc_xrealloc(e->code, e->cap);
    }
    e->code[e->len++] = b;
}

static size_t op(emitter *e, sg_opcode o, unsigned a, unsigned b)
{
    size_t at = e->len;
    put(e, (uint8_t)o);
    if (op_info[o].nops >= 1)
        put(e, (uint8_t)(a & 0xFF)), put(e, (uint8_t)(a >> 8));
    if (op_info[o].nops >= 2)
        put(e, (uint8_t)(b & 0xFF)), put(e, (uint8_t)(b >> 8));
    return at;
}

/* Points the first operand of the jump at `at` to the current end of code. */
static void patch(emitter *e, size_t at, size_t operand)
{
    size_t target = e->len;
    e->code[at + 1 + 2 * operand] = (uint8_t)(target & 0xFF);
    e->code[at + 2 + 2 * operand] = (uint8_t)(target >> 8);
}

static unsigned intern(emitter *e, const char *s, size_t len)
{
    for (size_t i = 0; i < e->n_str; i++)
        if (e->str_len[i] == len && memcmp(e->str[i], s, len) == 0)
            return (unsigned)i;
    if (e->n_str == e->cap_str) {
        e->cap_str = e->cap_str ? e->cap_str * 2 : 64;
        e->str = sgc_xrealloc(e->str, e->cap_str * sizeof *e->str);
        e->str_len = sgc_xrealloc(e->str_len, e->cap_str * sizeof *e->str_len);
    }
    e->str[e->n_str] = s;
    e->str_len[e->n_str] = len;
    return (unsigned)e->n_str++;
}

static int name_is(const rnode *n, const char *s, size_t len, const char *name)
{
    (void)n;
    return strlen(name) == len && memcmp(s, name, len) == 0;
}

static rnode *find_const(emitter *e, const char *s, size_t len)
{
    for (rnode *d = e->p->decls; d; d = d->next)
        if (d->kind == RN_CONST && d->len == len && memcmp(d->s, s, len) == 0)
            return d;
    return NULL;
}

static int local_slot(emitter *e, const char *s, size_t len, int create)
{
    for (unsigned i = 0; i < e->n_locals; i++)
        if (e->local_len[i] == len && memcmp(e->locals[i], s, len) == 0)
            return (int)i;
    if (!create || e->n_locals == SG_PROGRAM_MAX_LOCALS)
        return -1;
    e->locals[e->n_locals] = s;
    e->local_len[e->n_locals] = len;
    return (int)e->n_locals++;
}

static void emit_expr(emitter *e, rnode *n, int depth);

/* c_signature's first argument, when it is an integer (or a const naming one): the crash
 * reader then builds no more frames than the largest of these (the program header says). */
static void note_frames_read(emitter *e, rnode *arg)
{
    for (int hops = 0; arg && arg->kind == RN_NAME && hops < 100; hops++) {
        rnode *c = local_slot(e, arg->s, arg->len, 0) < 0 ? find_const(e, arg->s, arg->len) : NULL;
        arg = c ? c->a : NULL;
    }
    if (!arg || arg->kind != RN_INT || arg->len > 9) {
        e->frames_unknown = 1;
        return;
    }
    long v = strtol(arg->s, NULL, 10);
    if (v > e->frames_read)
        e->frames_read = v;
}

static unsigned emit_list(emitter *e, rnode *n, int depth)
{
    unsigned count = 0;
    for (; n; n = n->next, count++)
        emit_expr(e, n, depth);
    return count;
}

static void emit_binary(emitter *e, rnode *a, rnode *b, sg_opcode o, int depth)
{
    emit_expr(e, a, depth);
    emit_expr(e, b, depth);
    op(e, o, 0, 0);
}

static void emit_expr(emitter *e, rnode *n, int depth)
{
    size_t j;
    if (depth > 100) {
        rn_error(e->p, n->line, n->col, "expression nested too deeply (a const refers to itself?)");
        return;
    }
    switch (n->kind) {
    case RN_STR: op(e, SG_OP_CONST, intern(e, n->s, n->len), 0); break;
    case RN_INT:
        if (n->len > 18)
            rn_error(e->p, n->line, n->col, "integer too large (at most 18 digits)");
        op(e, SG_OP_INT, intern(e, n->s, n->len), 0);
        break;
    case RN_NONE: op(e, SG_OP_NONE, 0, 0); break;
    case RN_TRUE: op(e, SG_OP_TRUE, 0, 0); break;
    case RN_FALSE: op(e, SG_OP_FALSE, 0, 0); break;
    case RN_SIG: op(e, SG_OP_SIG, 0, 0); break;
    case RN_GET: op(e, SG_OP_GET, intern(e, n->s, n->len), 0); break;
    case RN_ITEM: op(e, SG_OP_ITEM, intern(e, n->s, n->len), 0); break;
    case RN_LIST: op(e, SG_OP_LIST, emit_list(e, n->a, depth + 1), 0); break;
    case RN_NAME: {
        int slot = local_slot(e, n->s, n->len, 0);
        rnode *c = slot < 0 ? find_const(e, n->s, n->len) : NULL;
        if (slot >= 0)
            op(e, SG_OP_LOAD, (unsigned)slot, 0);
        else if (c)
            emit_expr(e, c->a, depth + 1);
        else
            rn_error(e->p, n->line, n->col, "unknown name '%.*s' (not a local or a const)",
                     (int)n->len, n->s);
        break;
    }
    case RN_CALL: {
        size_t b = 0, nb = sizeof builtin_info / sizeof builtin_info[0];
        while (b < nb && !name_is(n, n->s, n->len, builtin_info[b].name))
            b++;
        if (b == nb) {
            rn_error(e->p, n->line, n->col, "unknown built-in '%.*s'", (int)n->len, n->s);
            return;
        }
        if (b == SG_BI_c_signature)
            note_frames_read(e, n->a);
        unsigned argc = emit_list(e, n->a, depth + 1);
        if ((int)argc != builtin_info[b].arity)
            rn_error(e->p, n->line, n->col, "built-in '%s' takes %d argument(s), not %u",
                     builtin_info[b].name, builtin_info[b].arity, argc);
        op(e, SG_OP_CALL, (unsigned)b, argc);
        break;
    }
    case RN_NOT: emit_expr(e, n->a, depth); op(e, SG_OP_NOT, 0, 0); break;
    case RN_AND:
    case RN_OR:
        emit_expr(e, n->a, depth);
        j = op(e, n->kind == RN_AND ? SG_OP_JFALSEK : SG_OP_JTRUEK, 0, 0);
        emit_expr(e, n->b, depth);
        patch(e, j, 0);
        break;
    case RN_IN: emit_binary(e, n->a, n->b, SG_OP_IN, depth); break;
    case RN_NOTIN: emit_binary(e, n->a, n->b, SG_OP_IN, depth); op(e, SG_OP_NOT, 0, 0); break;
    case RN_EQ: emit_binary(e, n->a, n->b, SG_OP_EQ, depth); break;
    case RN_NE: emit_binary(e, n->a, n->b, SG_OP_EQ, depth); op(e, SG_OP_NOT, 0, 0); break;
    case RN_LT: emit_binary(e, n->a, n->b, SG_OP_LT, depth); break;
    case RN_GT: emit_binary(e, n->b, n->a, SG_OP_LT, depth); break;
    case RN_LE: emit_binary(e, n->b, n->a, SG_OP_LT, depth); op(e, SG_OP_NOT, 0, 0); break;
    case RN_GE: emit_binary(e, n->a, n->b, SG_OP_LT, depth); op(e, SG_OP_NOT, 0, 0); break;
    case RN_ISNONE: emit_expr(e, n->a, depth); op(e, SG_OP_ISNONE, 0, 0); break;
    case RN_ISNOTNONE:
        emit_expr(e, n->a, depth);
        op(e, SG_OP_ISNONE, 0, 0);
        op(e, SG_OP_NOT, 0, 0);
        break;
    case RN_ADD: emit_binary(e, n->a, n->b, SG_OP_ADD, depth); break;
    default: rn_error(e->p, n->line, n->col, "not an expression"); break;
    }
}

static void emit_block(emitter *e, rnode *block);

static long exc_mask(emitter *e, rnode *names)
{
    long mask = 0;
    for (rnode *n = names; n; n = n->next) {
        size_t i = 0, ne = sizeof exc_info / sizeof exc_info[0];
        while (i < ne && !name_is(n, n->s, n->len, exc_info[i].name))
            i++;
        if (i == ne)
            rn_error(e->p, n->line, n->col, "unknown exception class '%.*s'", (int)n->len, n->s);
        else
            mask |= exc_info[i].bit;
    }
    return mask;
}

static void emit_stmt(emitter *e, rnode *s)
{
    size_t j, k;
    switch (s->kind) {
    case RN_IF:
        emit_expr(e, s->a, 0);
        j = op(e, SG_OP_JFALSE, 0, 0);
        emit_block(e, s->b);
        if (s->c) {
            k = op(e, SG_OP_JUMP, 0, 0);
            patch(e, j, 0);
            emit_block(e, s->c);
            patch(e, k, 0);
        } else {
            patch(e, j, 0);
        }
        break;
    case RN_ASSIGN: {
        emit_expr(e, s->a, 0);
        int slot = local_slot(e, s->s, s->len, 1);
        if (slot < 0)
            rn_error(e->p, s->line, s->col, "more than %d locals in one rule", SG_PROGRAM_MAX_LOCALS);
        op(e, SG_OP_STORE, (unsigned)(slot < 0 ? 0 : slot), 0);
        break;
    }
    case RN_SETSIG: emit_expr(e, s->a, 0); op(e, SG_OP_SETSIG, 0, 0); break;
    case RN_RETURN: op(e, SG_OP_RETURN, 0, 0); break;
    case RN_INFO:
    case RN_DEBUG: {
        if (s->a->kind != RN_STR)
            rn_error(e->p, s->line, s->col, "info/debug need a string literal first");
        unsigned n = emit_list(e, s->a, 0);
        op(e, s->kind == RN_INFO ? SG_OP_INFO : SG_OP_DEBUG, n - 1, 0);
        break;
    }
    case RN_EXPR: emit_expr(e, s->a, 0); op(e, SG_OP_POP, 0, 0); break;
    case RN_TRY: {
        j = op(e, SG_OP_TRY, (unsigned)exc_mask(e, s->c), 0);
        emit_block(e, s->a);
        op(e, SG_OP_ENDTRY, 0, 0);
        k = op(e, SG_OP_JUMP, 0, 0);
        patch(e, j, 1);
        /* the handler starts with the exception's text on the stack */
        if (s->s) {
            int slot = local_slot(e, s->s, s->len, 1);
            op(e, SG_OP_STORE, (unsigned)(slot < 0 ? 0 : slot), 0);
        } else {
            op(e, SG_OP_POP, 0, 0);
        }
        emit_block(e, s->b);
        patch(e, k, 0);
        break;
    }
    case RN_BLOCK: emit_block(e, s); break;
    default: rn_error(e->p, s->line, s->col, "not a statement"); break;
    }
}

static void emit_block(emitter *e, rnode *block)
{
    for (rnode *s = block->a; s; s = s->next)
        emit_stmt(e, s);
}

static void emit_program(emitter *e)
{
    for (rnode *d = e->p->decls; d; d = d->next) {
        if (d->kind != RN_RULE)
            continue;
        for (rnode *x = e->p->decls; x != d; x = x->next)
            if (x->kind == RN_RULE && x->len == d->len && memcmp(x->s, d->s, d->len) == 0)
                rn_error(e->p, d->line, d->col, "rule '%.*s' is defined twice", (int)d->len, d->s);
        e->n_locals = 0;
        e->n_rules++;
        size_t start = op(e, SG_OP_RULE, intern(e, d->s, d->len), 0);
        size_t j = 0;
        if (d->a) {
            emit_expr(e, d->a, 0);
            j = op(e, SG_OP_JFALSE, 0, 0);
        }
        op(e, SG_OP_BODY, 0, 0);
        emit_block(e, d->b);
        if (d->a)
            patch(e, j, 0);
        op(e, SG_OP_RETURN, 0, 0);
        patch(e, start, 1); /* where the next rule starts */
    }
    op(e, SG_OP_END, 0, 0);
    if (e->len > 65535)
        rn_error(e->p, 0, 0, "program too large (%zu bytes; the limit is 65535)", e->len);
}

int sgc_rules_compile(const char *file, sgc_diags *d, sgc_program *out)
{
    memset(out, 0, sizeof *out);
    size_t len;
    char *src = sgc_read_file(file, &len);
    if (!src) {
        sgc_diag_add(d, SGC_ERROR, NULL, file, 0, 0, NULL, "cannot read the rules file");
        return -1;
    }
    out->src = src;
    out->src_len = len;
    rparse *p = &out->parse;
    p->file = file;
    p->src = src;
    p->src_len = len;
    p->arena = &out->arena;
    p->diags = d;
    if (sgc_rules_parse(p) != 0)
        return -1;
    emitter e;
    memset(&e, 0, sizeof e);
    e.p = p;
    unsigned before = d->errors;
    emit_program(&e);
    out->code = e.code;
    out->code_len = e.len;
    out->str = e.str;
    out->str_len = e.str_len;
    out->n_str = e.n_str;
    out->n_rules = e.n_rules;
    out->frames_read = e.frames_unknown ? 0 : (size_t)e.frames_read;
    return d->errors > before ? -1 : 0;
}

void sgc_program_free(sgc_program *prog)
{
    free(prog->code);
    free((void *)prog->str);
    free(prog->str_len);
    free(prog->src);
    sgc_arena_free(&prog->arena);
}

static void c_string(FILE *f, const char *s, size_t len)
{
    fputc('"', f);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\')
            fprintf(f, "\\%c", c);
        else if (c < 0x20 || c >= 0x7F || c == '?')
            fprintf(f, "\\%03o", c);
        else
            fputc(c, f);
    }
    fputc('"', f);
}

/* The rules file used for a siglists directory: its own pipeline.rules, else --rules. */
static const char *fallback_rules;
void sgc_rules_set_fallback(const char *path) { fallback_rules = path; }

int sgc_rules_build(const char *siglists_dir, const char *outdir, FILE *err)
{
    char path[4096], outpath[4096], sha[65];
    snprintf(path, sizeof path, "%s/pipeline.rules", siglists_dir);
    FILE *probe = fopen(path, "rb");
    if (probe)
        fclose(probe);
    else if (fallback_rules)
        snprintf(path, sizeof path, "%s", fallback_rules);
    else {
        /* lists alone (Socorro's have no rules file): matchers only, no program */
        fprintf(err, "sigc: note: %s has no pipeline.rules and no --rules was given: "
                     "program.c not written\n", siglists_dir);
        return 0;
    }
    if (sgc_siglists_sha256(siglists_dir, sha) != 0) {
        fprintf(err, "%s: cannot read the list files to hash them\n", siglists_dir);
        return -1;
    }
    sgc_diags d;
    memset(&d, 0, sizeof d);
    sgc_program prog;
    int rc = sgc_rules_compile(path, &d, &prog);
    sgc_diag_print(&d, err, 0);
    sgc_diags_free(&d);
    if (rc == 0) {
        snprintf(outpath, sizeof outpath, "%s/program.c", outdir);
        FILE *f = fopen(outpath, "w");
        if (!f) {
            fprintf(err, "%s: cannot write\n", outpath);
            rc = -1;
        } else {
            fprintf(f, "/* generated by: sigc build from %s (do not edit) */\n"
                       "#include \"program.h\"\n\nstatic const uint8_t code[%zu] = {",
                    strrchr(path, '/') ? strrchr(path, '/') + 1 : path, prog.code_len);
            for (size_t i = 0; i < prog.code_len; i++)
                fprintf(f, "%s%u,", i % 16 ? " " : "\n    ", prog.code[i]);
            fprintf(f, "\n};\n\nstatic const char *const str[%zu] = {\n", prog.n_str);
            for (size_t i = 0; i < prog.n_str; i++) {
                fputs("    ", f);
                c_string(f, prog.str[i], prog.str_len[i]);
                fputs(",\n", f);
            }
            fprintf(f, "};\n\nstatic const uint32_t str_len[%zu] = {", prog.n_str);
            for (size_t i = 0; i < prog.n_str; i++)
                fprintf(f, "%s%zu,", i % 12 ? " " : "\n    ", prog.str_len[i]);
            fprintf(f, "\n};\n\nconst sg_program sg_program_linked = {\n"
                       "    SG_PROGRAM_MAGIC, SG_PROGRAM_VERSION,\n    \"%s\",\n"
                       "    code, sizeof code, str, str_len, %zu, %zu, %zu,\n};\n",
                    sha, prog.n_str, prog.n_rules, prog.frames_read);
            if (fclose(f) != 0)
                rc = -1;
        }
    }
    sgc_program_free(&prog);
    return rc;
}

/* Prints the program one instruction per line: offset, opcode, operands, meaning. */
void sgc_program_disasm(const sgc_program *prog, FILE *out)
{
    size_t pc = 0;
    if (prog->frames_read)
        fprintf(out, "; frames read: %zu (the crash reader builds no more of a thread)\n",
                prog->frames_read);
    else
        fprintf(out, "; frames read: not known (the crash reader keeps --max-frames)\n");
    while (pc < prog->code_len) {
        unsigned o = prog->code[pc];
        if (o >= SG_OP__COUNT) {
            fprintf(out, "%5zu  ?? %u\n", pc, o);
            return;
        }
        unsigned a = 0, b = 0;
        int n = op_info[o].nops;
        if (n >= 1)
            a = (unsigned)prog->code[pc + 1] | (unsigned)prog->code[pc + 2] << 8;
        if (n >= 2)
            b = (unsigned)prog->code[pc + 3] | (unsigned)prog->code[pc + 4] << 8;
        if (o == SG_OP_RULE)
            fprintf(out, "\n");
        fprintf(out, "%5zu  %-8s", pc, op_info[o].name);
        if (n >= 1)
            fprintf(out, " %u", a);
        if (n >= 2)
            fprintf(out, " %u", b);
        if ((o == SG_OP_RULE || o == SG_OP_CONST || o == SG_OP_INT || o == SG_OP_GET || o == SG_OP_ITEM) &&
            a < prog->n_str) {
            fputs("\t; ", out);
            c_string(out, prog->str[a], prog->str_len[a]);
        } else if (o == SG_OP_CALL && a < SG_BI__COUNT) {
            fprintf(out, "\t; %s", builtin_info[a].name);
        } else if (o == SG_OP_TRY) {
            fputs("\t;", out);
            for (size_t i = 0; i < sizeof exc_info / sizeof exc_info[0]; i++)
                if (a & (unsigned)exc_info[i].bit)
                    fprintf(out, " %s", exc_info[i].name);
        }
        fputc('\n', out);
        pc += 1 + 2 * (size_t)n;
    }
}

int sgc_cmd_disasm(int argc, char **argv)
{
    if (argc != 2 || argv[1][0] == '-') {
        fprintf(argc == 2 && !strcmp(argv[1], "--help") ? stdout : stderr,
                "usage: sigc disasm FILE.rules\n"
                "Compiles a rules file and prints its bytecode, one instruction per line:\n"
                "offset, opcode, operands, and the string or built-in an operand names.\n");
        return argc == 2 && !strcmp(argv[1], "--help") ? 0 : 2;
    }
    sgc_diags d;
    memset(&d, 0, sizeof d);
    sgc_program prog;
    int rc = sgc_rules_compile(argv[1], &d, &prog);
    sgc_diag_print(&d, stderr, 0);
    sgc_diags_free(&d);
    if (rc == 0)
        sgc_program_disasm(&prog, stdout);
    sgc_program_free(&prog);
    return rc == 0 ? 0 : 1;
}

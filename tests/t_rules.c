/* t_rules.c — the rule-pipeline language and VM (tests stage): sigc's rules diagnostics
 * (tests/rules/bad.t), disasm listing the rules in Socorro's DEFAULT_RULESET order,
 * docs/pipeline.md being current, and each harvested Socorro rule test
 * (../shared/corpus/harvested/rule.jsonl) run as one rule's action in the VM. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "json_read.h"
#include "pipeline.h"
#include "opcodes.h"
#include "program.h"
#include "pyval.h"
#include "testlib.h"

static char *tmpfile_with(const char *text, size_t len)
{
    static int n;
    char *path = malloc(64);
    snprintf(path, 64, "/tmp/sg_rules_%d_%d.rules", (int)getpid(), n++);
    FILE *f = fopen(path, "w");
    if (f) {
        fwrite(text, 1, len, f);
        fclose(f);
    }
    return path;
}

/* The linked program with one byte changed, checked: the check's message or "ok". */
static const char *check_patched(size_t at, uint8_t byte, char *msg, size_t cap)
{
    sg_program p = sg_program_linked;
    uint8_t *code = malloc(p.code_len);
    memcpy(code, p.code, p.code_len);
    if (at < p.code_len)
        code[at] = byte;
    p.code = code;
    sg_error e;
    memset(&e, 0, sizeof e);
    sg_status st = sg_program_check(&p, &e);
    snprintf(msg, cap, "%s", st == SG_OK ? "ok" : e.msg);
    free(code);
    return msg;
}

SG_SUITE(program_check)
{
    char msg[256];
    const sg_program *p = &sg_program_linked;
    CHECK(strcmp(check_patched((size_t)-1, 0, msg, sizeof msg), "ok") == 0, "linked program: %s", msg);
    CHECK(p->code_len > 3 && p->code[0] == SG_OP_RULE, "the program starts with a RULE");
    /* RULE's B operand: the next rule's start, checked to be one */
    unsigned b = (unsigned)p->code[3] | (unsigned)p->code[4] << 8;
    CHECK(b > 0 && b < p->code_len && (p->code[b] == SG_OP_RULE || p->code[b] == SG_OP_END),
          "rule 0 ends at %u", b);
    check_patched(3, (uint8_t)(p->code[3] + 1), msg, sizeof msg);
    CHECK(strcmp(msg, "invalid rule program: rule end out of range") == 0, "rule end + 1: %s", msg);
    /* the last rule's end must be the END */
    check_patched(p->code_len - 1, SG_OP_BODY, msg, sizeof msg);
    CHECK(strcmp(msg, "invalid rule program: rule end out of range") == 0, "no END: %s", msg);
    check_patched(0, 0xEE, msg, sizeof msg);
    CHECK(strcmp(msg, "invalid rule program: unknown opcode or truncated instruction") == 0,
          "bad opcode: %s", msg);
    /* a jump moved one byte into an instruction that has operands */
    int jumps = 0;
    for (size_t pc = 0; pc < p->code_len && jumps < 20;) {
        unsigned o = p->code[pc];
        static const int nops[] = {
#define SG_OP_N(name, n, doc) n,
            SG_OPCODES(SG_OP_N)
#undef SG_OP_N
        };
        int n = nops[o];
        unsigned t = o == SG_OP_JUMP || o == SG_OP_JFALSE
                         ? (unsigned)p->code[pc + 1] | (unsigned)p->code[pc + 2] << 8 : 0;
        if ((o == SG_OP_JUMP || o == SG_OP_JFALSE) && t < p->code_len && nops[p->code[t]] > 0 &&
            p->code[pc + 1] < 255) {
            check_patched(pc + 1, (uint8_t)(p->code[pc + 1] + 1), msg, sizeof msg);
            CHECK(strcmp(msg, "invalid rule program: jump out of range") == 0, "jump at %zu + 1: %s",
                  pc, msg);
            jumps++;
        }
        pc += 1 + 2 * (size_t)n;
    }
    CHECK(jumps > 0, "the program has jumps to test");
    sg_program q = *p;
    q.version = SG_PROGRAM_VERSION + 1;
    sg_error e;
    memset(&e, 0, sizeof e);
    CHECK(sg_program_check(&q, &e) == SG_EPROGRAM &&
          strstr(e.msg, "program format version differs") != NULL, "version: %s", e.msg);
}

/* The program header's frames_read: the largest constant max_frames given to c_signature,
 * or 0 ("not known") when one is not a constant or there is no call. */
static char *disasm_of(const char *sigc, const char *rules)
{
    char *path = tmpfile_with(rules, strlen(rules)), cmd[512], *out = NULL, *err = NULL;
    size_t outlen;
    snprintf(cmd, sizeof cmd, "%s disasm %s", sigc, path);
    t_run(cmd, NULL, 0, &out, &outlen, &err);
    unlink(path);
    free(path);
    free(err);
    return out;
}

SG_SUITE(rules_frames_read)
{
    const char *sigc = t_path("SG_BUILD", "sigc");
    if (!sigc) {
        t_skip("sigc is missing");
        return;
    }
    char *out = disasm_of(sigc, "const N = 25;\n"
                                "rule A\n\"a\"\n{\n    c_signature(N, False, []);\n}\n"
                                "rule B\n\"b\"\n{\n    c_signature(60, True, []);\n}\n");
    CHECK(out && strncmp(out, "; frames read: 60 ", 18) == 0, "two constants: %s", out ? out : "(none)");
    free(out);
    out = disasm_of(sigc, "rule A\n\"a\"\n{\n    n = 7;\n    c_signature(n, False, []);\n}\n");
    CHECK(out && strncmp(out, "; frames read: not known", 24) == 0, "a local: %s", out ? out : "(none)");
    free(out);
    out = disasm_of(sigc, "rule A\n\"a\"\n{\n    signature = \"x\";\n}\n");
    CHECK(out && strncmp(out, "; frames read: not known", 24) == 0, "no c_signature: %s",
          out ? out : "(none)");
    free(out);
}

SG_SUITE(rules_errors)
{
    const char *sigc = t_path("SG_BUILD", "sigc");
    size_t len;
    char *buf = t_read_file("tests/rules/bad.t", &len);
    if (!sigc || !buf) {
        t_skip("sigc or tests/rules/bad.t is missing");
        free(buf);
        return;
    }
    size_t n;
    char **lines = t_lines(buf, &n);
    for (size_t i = 0; i < n; i++) {
        if (strcmp(lines[i], "--- text") != 0)
            continue;
        char text[4096] = "";
        size_t j = i + 1;
        for (; j < n && strcmp(lines[j], "--- error") != 0; j++) {
            strncat(text, lines[j], sizeof text - strlen(text) - 2);
            strcat(text, "\n");
        }
        if (j + 1 >= n)
            break;
        const char *want = lines[j + 1];
        char *path = tmpfile_with(text, strlen(text));
        char cmd[512], expect[512];
        snprintf(cmd, sizeof cmd, "%s disasm %s", sigc, path);
        char *out = NULL, *err = NULL;
        size_t outlen;
        int rc = t_run(cmd, NULL, 0, &out, &outlen, &err);
        /* FILE in the expected line stands for the temporary path */
        snprintf(expect, sizeof expect, "%s%s", path, want + 4);
        char *nl = err ? strchr(err, '\n') : NULL;
        if (nl)
            *nl = 0;
        CHECK(rc == 1 && err && strcmp(err, expect) == 0, "bad.t line %zu: want '%s', got rc %d '%s'",
              i + 1, expect, rc, err ? err : "");
        remove(path);
        free(path);
        free(out);
        free(err);
        i = j + 1;
    }
    free(lines);
    free(buf);
}

/* The rules in our pipeline.rules are Socorro's DEFAULT_RULESET, in its order (the harvested
 * generate.jsonl records the ruleset Socorro ran). */
SG_SUITE(rules_order)
{
    const char *sigc = t_path("SG_BUILD", "sigc");
    const char *gen = t_path("SG_SHARED", "corpus/harvested/generate.jsonl");
    if (!sigc || !gen) {
        t_skip("sigc or ../shared/corpus/harvested/generate.jsonl is missing");
        return;
    }
    size_t len, n;
    char *buf = t_read_file(gen, &len);
    char **lines = t_lines(buf, &n);
    cJSON *ruleset = NULL;
    cJSON *docs[8] = { NULL };
    for (size_t i = 0; i < n && i < 8; i++) {
        sg_error e;
        docs[i] = sg_json_parse(lines[i], strlen(lines[i]), NULL, &e);
        cJSON *rs = docs[i] ? cJSON_GetObjectItemCaseSensitive(docs[i], "ruleset") : NULL;
        if (rs && cJSON_GetArraySize(rs) > 5)
            ruleset = rs;
    }
    char cmd[512], *out = NULL, *err = NULL;
    size_t outlen;
    snprintf(cmd, sizeof cmd, "%s disasm siglists/pipeline.rules", sigc);
    int rc = t_run(cmd, NULL, 0, &out, &outlen, &err);
    CHECK(rc == 0, "sigc disasm siglists/pipeline.rules failed: %s", err ? err : "");
    CHECK(ruleset != NULL, "generate.jsonl has no DEFAULT_RULESET run");
    const char *p = out ? out : "";
    cJSON *name;
    int k = 0;
    if (ruleset)
        cJSON_ArrayForEach(name, ruleset) {
            char want[128];
            snprintf(want, sizeof want, "; \"%s\"", name->valuestring);
            const char *at = strstr(p, "RULE");
            at = at ? strstr(at, "\n") : NULL;
            const char *line = at ? at - strlen(want) : NULL;
            int ok = line && line >= p && strncmp(line, want, strlen(want)) == 0;
            CHECK(ok, "rule %d of the pipeline should be %s", k, name->valuestring);
            p = at ? at : p;
            k++;
        }
    for (size_t i = 0; i < 8; i++)
        cJSON_Delete(docs[i]);
    free(lines);
    free(buf);
    free(out);
    free(err);
}

SG_SUITE(rules_doc_current)
{
    const char *sigc = t_path("SG_BUILD", "sigc");
    if (!sigc) {
        t_skip("sigc is missing");
        return;
    }
    char cmd[512], *out = NULL, *err = NULL;
    size_t outlen, len;
    snprintf(cmd, sizeof cmd, "%s doc siglists", sigc);
    int rc = t_run(cmd, NULL, 0, &out, &outlen, &err);
    char *doc = t_read_file("docs/pipeline.md", &len);
    CHECK(rc == 0 && doc && out && strcmp(doc, out) == 0,
          "docs/pipeline.md is stale: run `make doc` (sigc doc siglists -o docs/pipeline.md)");
    CHECK(out && strstr(out, "## 14. SigTruncate") != NULL, "sigc doc renders all 14 rules");
    free(doc);
    free(out);
    free(err);
}

/* One rule's action alone, as Socorro's own tests call rule.action(crash_data, result). */
static void run_rule_case(cJSON *c, size_t lineno, int *skipped)
{
    const char *rule = cJSON_GetObjectItemCaseSensitive(c, "rule")->valuestring;
    cJSON *input = cJSON_GetObjectItemCaseSensitive(c, "input");
    const cJSON *before = cJSON_GetObjectItemCaseSensitive(c, "signature_before");
    const cJSON *after = cJSON_GetObjectItemCaseSensitive(c, "signature_after");
    size_t after_len = sg_py_strlen(after);
    cJSON *notes = cJSON_GetObjectItemCaseSensitive(c, "notes");
    /* the stack walk depends on the lists, and this runner links our default lists */
    if (!strcmp(rule, "SignatureGenerationRule") || !strcmp(rule, "SignatureRunWatchDog")) {
        cJSON *threads = cJSON_GetObjectItemCaseSensitive(input, "threads");
        if (threads && cJSON_GetArraySize(threads) > 0) {
            (*skipped)++;
            return;
        }
    }
    sg_arena a;
    sg_arena_init(&a, 0);
    sg_result r;
    sg_result_init(&r, &a, 0);
    r.signature.s = before->valuestring;
    r.signature.len = sg_py_strlen(before);
    sg_error e;
    sg_status st = sg_pipeline_run_rule(NULL, &r, input, rule, &e);
    int ok = st == SG_OK && r.signature.len == after_len &&
             memcmp(r.signature.s, after->valuestring, after_len) == 0;
    CHECK(ok, "rule.jsonl:%zu %s: want \"%s\", got \"%.*s\" (%s)", lineno, rule,
          after->valuestring, (int)r.signature.len, r.signature.s, st == SG_OK ? "ok" : e.msg);
    /* some cases were recorded after a whole run: only this rule's notes are its own */
    char prefix[128];
    snprintf(prefix, sizeof prefix, "%s: ", rule);
    size_t k = 0;
    int notes_ok = 1;
    const cJSON *note;
    cJSON_ArrayForEach(note, notes) {
        if (strncmp(note->valuestring, prefix, strlen(prefix)) != 0)
            continue;
        notes_ok = notes_ok && k < r.notes.n && strcmp(note->valuestring, r.notes.v[k].s) == 0;
        k++;
    }
    notes_ok = notes_ok && k == r.notes.n;
    CHECK(notes_ok, "rule.jsonl:%zu %s: notes differ (%zu notes, first: %s)", lineno, rule,
          r.notes.n, r.notes.n ? r.notes.v[0].s : "-");
    sg_arena_free(&a);
}

SG_SUITE(rules_harvested)
{
    const char *path = t_path("SG_SHARED", "corpus/harvested/rule.jsonl");
    if (!path) {
        t_skip("../shared/corpus/harvested/rule.jsonl is missing");
        return;
    }
    size_t len, n;
    char *buf = t_read_file(path, &len);
    char **lines = t_lines(buf, &n);
    int skipped = 0;
    for (size_t i = 0; i < n; i++) {
        sg_error e;
        cJSON *c = sg_json_parse(lines[i], strlen(lines[i]), NULL, &e);
        if (!CHECK(c != NULL, "rule.jsonl:%zu: %s", i + 1, e.msg))
            continue;
        run_rule_case(c, i + 1, &skipped);
        cJSON_Delete(c);
    }
    if (skipped)
        printf("  rules_harvested: %d stack-walk cases not run here (they need Socorro's "
               "lists; this runner links ours)\n", skipped);
    free(lines);
    free(buf);
}

/* One rule's action on a signature alone: the signature after it. */
static char *rule_on(const char *rule, const char *sig, size_t len, size_t *out_len)
{
    sg_arena a;
    sg_arena_init(&a, 0);
    sg_result r;
    sg_result_init(&r, &a, 0);
    r.signature.s = sig;
    r.signature.len = len;
    sg_error e;
    cJSON *crash = cJSON_CreateObject();
    sg_status st = sg_pipeline_run_rule(NULL, &r, crash, rule, &e);
    char *out = malloc(r.signature.len + 1);
    memcpy(out, r.signature.s, r.signature.len);
    out[r.signature.len] = 0;
    *out_len = st == SG_OK ? r.signature.len : (size_t)-1;
    cJSON_Delete(crash);
    sg_arena_free(&a);
    return out;
}

/* SigPrintableCharsOnly and SigFixWhitespace leave printable ASCII with single spaces as it
 * is (without copying it) and clean everything else: one character that must go, or a
 * run of spaces, at every place of strings around the 16-byte steps of the scan. */
SG_SUITE(rules_cleanup_edges)
{
    static const struct {
        const char *rule, *bad, *becomes;
    } cases[] = {
        { "SigPrintableCharsOnly", "\x7f", "" },      { "SigPrintableCharsOnly", "\x01", "" },
        { "SigPrintableCharsOnly", "\xc3\xa9", "" },  { "SigPrintableCharsOnly", "\t", "" },
        { "SigPrintableCharsOnly", "  ", "  " },      { "SigPrintableCharsOnly", "~", "~" },
        { "SigFixWhitespace", "  ", " " },            { "SigFixWhitespace", "\t", " " },
        { "SigFixWhitespace", " \n ", " " },          { "SigFixWhitespace", "\xc2\xa0", " " },
        { "SigFixWhitespace", "\x7f", "\x7f" },       { "SigFixWhitespace", "\xc3\xa9", "\xc3\xa9" },
        { "SigFixWhitespace", " ", " " },
    };
    int wrong = 0, total = 0;
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++)
        for (size_t len = 1; len <= 40; len++)
            for (size_t at = 1; at < len; at++) {
                /* x..x BAD x..x: the ends are never stripped */
                char in[128], want[128];
                size_t bl = strlen(cases[c].bad), wl = strlen(cases[c].becomes);
                memset(in, 'x', at);
                memcpy(in + at, cases[c].bad, bl);
                memset(in + at + bl, 'x', len - at);
                memset(want, 'x', at);
                memcpy(want + at, cases[c].becomes, wl);
                memset(want + at + wl, 'x', len - at);
                size_t n, wn = len + wl;
                char *got = rule_on(cases[c].rule, in, len + bl, &n);
                total++;
                if (n != wn || memcmp(got, want, wn) != 0) {
                    if (wrong++ < 5)
                        CHECK(0, "%s on %zu bytes with bad at %zu: got \"%s\"", cases[c].rule, len + bl, at, got);
                }
                free(got);
            }
    CHECK(wrong == 0, "%d of %d cleanups differ", wrong, total);
    size_t n;
    char *got = rule_on("SigFixWhitespace", "  \t a  b \n", 10, &n);
    CHECK(n == 3 && !strcmp(got, "a b"), "the ends are stripped, the inside collapsed: \"%s\"", got);
    free(got);
    got = rule_on("SigPrintableCharsOnly", " a ", 3, &n);
    CHECK(n == 1 && !strcmp(got, "a"), "printable ASCII is stripped too: \"%s\"", got);
    free(got);
}

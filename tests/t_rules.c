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

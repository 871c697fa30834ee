/* pipeline.h — runs the linked rule program (generated/program.c, compiled by sigc from
 * pipeline.rules) over one crash, as Socorro's SignatureGenerator.generate runs its
 * DEFAULT_RULESET. Runtime stage, internal. */
#ifndef SG_PIPELINE_H
#define SG_PIPELINE_H
#include <cjson/cJSON.h>
#include "program.h"
#include "result.h"

/* Runs prog (NULL: the linked program) over crash_data (any JSON value; Socorro expects an
 * object). A rule that would raise in Python leaves "Rule: Rule failed: <exc>" in the notes
 * and the next rule runs. Returns SG_OK, or SG_ENOMEM / SG_EPROGRAM with err set. */
sg_status sg_pipeline_run(const sg_program *prog, sg_result *r, const cJSON *crash_data,
                          sg_error *err);
/* The same for a program that already passed sg_program_check (a context checks the linked
 * program once, not once a crash). */
sg_status sg_pipeline_run_checked(const sg_program *prog, sg_result *r, const cJSON *crash_data,
                                  sg_error *err);
/* Runs one rule's action alone (its `when` predicate skipped), as Socorro's tests call
 * rule.action(crash_data, result): SG_EINVAL when the program has no such rule. */
sg_status sg_pipeline_run_rule(const sg_program *prog, sg_result *r, const cJSON *crash_data,
                               const char *rule, sg_error *err);
#endif

/* corpus.h — helpers the corpus-driven suites share (tests stage): write a cJSON value back
 * as JSON without losing what the reader kept (number lexemes, NUL bytes), and run a tool
 * over many JSON lines at once. */
#ifndef SG_TEST_CORPUS_H
#define SG_TEST_CORPUS_H
#include <cjson/cJSON.h>
#include "arena.h"

/* Appends v as compact JSON (json.dumps style, ensure_ascii). */
void tc_dump(sg_buf *b, const cJSON *v);
/* Reads a .jsonl file into parsed lines (NULL entries for lines that fail to parse). */
cJSON **tc_load(const char *path, size_t *n);
void tc_free(cJSON **v, size_t n);
/* Runs cmd with the given input; returns its stdout split into parsed lines (*n set),
 * NULL when it produced no output. *status gets the exit status. */
cJSON **tc_run_lines(const char *cmd, const sg_buf *in, size_t *n, int *status);
/* Python ==, and a field with Socorro's defaults ("" / []) when missing. */
int tc_equal(const cJSON *a, const cJSON *b);
#endif

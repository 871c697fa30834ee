/* t_corpus_util.c — implementation of corpus.h (no suites here). Tests stage. */
#include "corpus.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json_read.h"
#include "jsonstr.h"
#include "pyval.h"
#include "testlib.h"

void tc_dump(sg_buf *b, const cJSON *v)
{
    const cJSON *c;
    char num[64];
    if (!v || cJSON_IsNull(v)) {
        sg_buf_adds(b, "null");
    } else if (cJSON_IsBool(v)) {
        sg_buf_adds(b, cJSON_IsTrue(v) ? "true" : "false");
    } else if (cJSON_IsNumber(v)) {
        if (v->valuestring) {
            sg_buf_adds(b, v->valuestring);
        } else {
            snprintf(num, sizeof num, "%.0f", v->valuedouble);
            sg_buf_adds(b, num);
        }
    } else if (cJSON_IsString(v)) {
        sg_json_encode_string(b, v->valuestring, sg_py_strlen(v));
    } else {
        int obj = cJSON_IsObject(v);
        sg_buf_addc(b, obj ? '{' : '[');
        cJSON_ArrayForEach(c, v) {
            if (c != v->child)
                sg_buf_adds(b, ", ");
            if (obj) {
                sg_buf key;
                sg_buf_init(&key);
                size_t n;
                const char *k = sg_py_key(c, &key, &n); /* a key holding NUL, as read */
                sg_json_encode_string(b, k, n);
                sg_buf_free(&key);
                sg_buf_adds(b, ": ");
            }
            tc_dump(b, c);
        }
        sg_buf_addc(b, obj ? '}' : ']');
    }
}

cJSON **tc_load(const char *path, size_t *n)
{
    size_t len;
    char *buf = t_read_file(path, &len);
    *n = 0;
    if (!buf)
        return NULL;
    char **lines = t_lines(buf, n);
    cJSON **v = calloc(*n ? *n : 1, sizeof *v);
    for (size_t i = 0; i < *n; i++) {
        sg_error e;
        v[i] = sg_json_parse(lines[i], strlen(lines[i]), NULL, &e);
    }
    free(lines);
    free(buf);
    return v;
}

void tc_free(cJSON **v, size_t n)
{
    for (size_t i = 0; v && i < n; i++)
        cJSON_Delete(v[i]);
    free(v);
}

cJSON **tc_run_lines(const char *cmd, const sg_buf *in, size_t *n, int *status)
{
    char *out = NULL, *err = NULL;
    size_t outlen = 0;
    *status = t_run(cmd, in->p ? in->p : "", in->len, &out, &outlen, &err);
    free(err);
    *n = 0;
    if (!out)
        return NULL;
    char **lines = t_lines(out, n);
    cJSON **v = calloc(*n ? *n : 1, sizeof *v);
    for (size_t i = 0; i < *n; i++) {
        sg_error e;
        v[i] = sg_json_parse(lines[i], strlen(lines[i]), NULL, &e);
    }
    free(lines);
    free(out);
    return v;
}

int tc_equal(const cJSON *a, const cJSON *b)
{
    if (!a || !b)
        return a == b;
    return sg_py_equal(a, b);
}

/* frames_api.c — the plain-struct entry points of csiggen.h (sg_frame): an embedder that
 * already holds frames calls normalization and the pipeline without writing JSON. The frames
 * become the same value tree the JSON reader would build, so every Python-typed rule behaves
 * exactly as for a crash read from JSON. Runtime stage. */
#include <stdlib.h>
#include <string.h>

#include "json_read.h"
#include "normalize.h"

int sg_value_truthy(const sg_value *v)
{
    switch (v->kind) {
    case SG_ABSENT:
    case SG_NONE: return 0;
    case SG_BOOL: return v->len == 4; /* "True" */
    case SG_INT:
    case SG_FLOAT: return strtod(v->s, NULL) != 0 || (v->len == 3 && !memcmp(v->s, "nan", 3));
    default: return v->len > 0;
    }
}

/* One value as the reader's node: str with its byte length, numbers with their lexeme. */
static cJSON *node(const sg_value *v)
{
    cJSON *n = NULL;
    switch (v->kind) {
    case SG_ABSENT: return NULL;
    case SG_NONE: return cJSON_CreateNull();
    case SG_BOOL: return cJSON_CreateBool(v->len == 4);
    case SG_INT:
    case SG_FLOAT:
        n = cJSON_CreateNumber(strtod(v->s, NULL));
        /* keep the text unless it is a plain small int (the reader's convention) */
        if (n && (v->kind == SG_FLOAT || v->len > 15) && (n->valuestring = cJSON_malloc(v->len + 1))) {
            memcpy(n->valuestring, v->s, v->len);
            n->valuestring[v->len] = 0;
        }
        return n;
    default:
        n = cJSON_CreateString("");
        if (n) {
            cJSON_free(n->valuestring);
            n->valuestring = cJSON_malloc(v->len + 1);
            if (!n->valuestring) {
                cJSON_Delete(n);
                return NULL;
            }
            memcpy(n->valuestring, v->s, v->len);
            n->valuestring[v->len] = 0;
            n->type |= SG_CJSON_HASLEN;
            n->valueint = (int)v->len;
        }
        return n;
    }
}

static int put(cJSON *obj, const char *key, const sg_value *v)
{
    cJSON *n = node(v);
    return v->kind == SG_ABSENT || (n && cJSON_AddItemToObject(obj, key, n));
}

static cJSON *frame_node(const sg_frame *f)
{
    cJSON *o = cJSON_CreateObject();
    int ok = o && put(o, "module", &f->module) && put(o, "function", &f->function) &&
             put(o, "file", &f->file) && put(o, "line", &f->line) &&
             put(o, "module_offset", &f->module_offset) && put(o, "offset", &f->offset);
    if (ok && f->n_unloaded) {
        cJSON *list = cJSON_AddArrayToObject(o, "unloaded_modules");
        for (size_t i = 0; ok && list && i < f->n_unloaded; i++) {
            cJSON *m = cJSON_CreateObject();
            ok = m && put(m, "module", &f->unloaded_modules[i]) && cJSON_AddItemToArray(list, m);
        }
        ok = ok && list;
    }
    if (ok && f->n_inlines) {
        cJSON *list = cJSON_AddArrayToObject(o, "inlines");
        for (size_t i = 0; ok && list && i < f->n_inlines; i++) {
            cJSON *in = frame_node(&f->inlines[i]);
            ok = in && cJSON_AddItemToArray(list, in);
        }
        ok = ok && list;
    }
    if (!ok) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

static sg_status nomem(sg_error *err)
{
    memset(err, 0, sizeof *err);
    err->code = SG_ENOMEM;
    strcpy(err->msg, "out of memory building frames");
    return SG_ENOMEM;
}

sg_status sg_generate_frames(sg_ctx *ctx, const sg_frame *frames, size_t n, int windows,
                             int flags, sg_output *out, sg_error *err)
{
    cJSON *crash = cJSON_CreateObject();
    cJSON *threads = crash ? cJSON_AddArrayToObject(crash, "threads") : NULL;
    cJSON *thread = cJSON_CreateObject();
    cJSON *list = thread ? cJSON_AddArrayToObject(thread, "frames") : NULL;
    int ok = threads && list && cJSON_AddItemToArray(threads, thread) &&
             cJSON_AddNumberToObject(crash, "crashing_thread", 0) &&
             (!windows || cJSON_AddStringToObject(crash, "os", "Windows NT"));
    if (!ok)
        cJSON_Delete(thread);
    for (size_t i = 0; ok && i < n; i++) {
        cJSON *f = frame_node(&frames[i]);
        ok = f && cJSON_AddItemToArray(list, f);
    }
    sg_status st = ok ? sg_generate_tree(ctx, crash, flags, out, err) : nomem(err);
    cJSON_Delete(crash);
    return st;
}

sg_status sg_normalize(sg_ctx *ctx, const sg_frame *frame, sg_string *out, sg_error *err)
{
    cJSON *f = frame_node(frame);
    if (!f)
        return nomem(err);
    sg_frame_in in = sg_frame_in_json(f);
    sg_status st = sg_ctx_normalize(ctx, &in, out, err);
    cJSON_Delete(f);
    return st;
}

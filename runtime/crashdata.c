/* crashdata.c — Socorro's convert_to_crash_data (utils.py): a processed crash, as siggen's
 * signify accepts it, becomes the crash_data signature generation reads. Values are shared
 * with the processed document through cJSON references, never copied. Runtime stage. */
#include "crashdata.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "json_read.h"
#include "pyval.h"
#include "unicode.h"

static int add_ref(cJSON *out, const char *key, const cJSON *v)
{
    if (!v)
        return cJSON_AddNullToObject(out, key) != NULL;
    return cJSON_AddItemReferenceToObject(out, key, (cJSON *)(uintptr_t)v);
}

/* int_or_none: int(x), None on TypeError/ValueError. Whole numbers only. */
static cJSON *int_or_none(const cJSON *v)
{
    if (!v || cJSON_IsNull(v) || cJSON_IsArray(v) || cJSON_IsObject(v))
        return cJSON_CreateNull();
    if (cJSON_IsBool(v))
        return cJSON_CreateNumber(cJSON_IsTrue(v));
    if (cJSON_IsNumber(v)) {
        if (!v->valuestring)
            return cJSON_CreateNumber(v->valuedouble);
        if (!sg_py_is_float(v)) {
            /* a big int keeps its digits */
            cJSON *n = cJSON_CreateNumber(v->valuedouble);
            size_t len = strlen(v->valuestring);
            if (n && (n->valuestring = cJSON_malloc(len + 1)) != NULL)
                memcpy(n->valuestring, v->valuestring, len + 1);
            return n;
        }
        double d = v->valuedouble;
        if (isnan(d) || isinf(d))
            return cJSON_CreateNull();
        return cJSON_CreateNumber(trunc(d));
    }
    /* a str: Python's int() grammar */
    sg_buf digits;
    sg_buf_init(&digits);
    long long n;
    cJSON *out;
    if (!sg_py_int_parse(v->valuestring, sg_py_strlen(v), &digits, &n))
        out = cJSON_CreateNull();
    else if ((out = cJSON_CreateNumber((double)n)) != NULL && digits.len > 15 &&
             (out->valuestring = cJSON_malloc(digits.len + 1)) != NULL) {
        /* a big int keeps its digits */
        memcpy(out->valuestring, digits.p, digits.len);
        out->valuestring[digits.len] = 0;
    }
    sg_buf_free(&digits);
    return out;
}

int sg_crashdata_reads_dump_key(const char *key, size_t len)
{
    /* the json_dump.* paths below */
    return (len == 10 && memcmp(key, "crash_info", 10) == 0) ||
           (len == 7 && memcmp(key, "threads", 7) == 0) ||
           (len == 11 && memcmp(key, "system_info", 11) == 0);
}

cJSON *sg_convert_to_crash_data(const cJSON *processed, sg_error *err)
{
    static const char *const plain[] = { "hang", "js_large_allocation_failure", "abort_message",
                                         "mdsw_status_string", "async_shutdown_timeout",
                                         "ipc_channel_error", "ipc_message_name" };
    cJSON *out = cJSON_CreateObject();
    int ok = out != NULL;
    for (size_t i = 0; ok && i < 7; i++)
        ok = add_ref(out, plain[i], sg_py_glom(processed, plain[i]));
    if (ok) {
        cJSON *size = int_or_none(sg_py_glom(processed, "oom_allocation_size"));
        ok = size && cJSON_AddItemToObject(out, "oom_allocation_size", size);
    }
    const cJSON *minidumps = sg_py_glom(processed, "additional_minidumps");
    if (ok)
        ok = minidumps ? add_ref(out, "additional_minidumps", minidumps)
                       : cJSON_AddArrayToObject(out, "additional_minidumps") != NULL;
    const cJSON *sig = sg_py_glom(processed, "signature");
    if (ok)
        ok = sig ? add_ref(out, "original_signature", sig)
                 : cJSON_AddStringToObject(out, "original_signature", "") != NULL;
    if (ok && sg_py_dict_get(processed, "json_dump", 9)) {
        ok = add_ref(out, "crashing_thread", sg_py_glom(processed, "json_dump.crash_info.crashing_thread")) &&
             add_ref(out, "reason", sg_py_glom(processed, "json_dump.crash_info.type")) &&
             add_ref(out, "threads", sg_py_glom(processed, "json_dump.threads")) &&
             add_ref(out, "os", sg_py_glom(processed, "json_dump.system_info.os"));
    }
    const cJSON *je = sg_py_dict_get(processed, "java_exception", 14);
    if (ok && je)
        ok = add_ref(out, "java_exception", je);
    const cJSON *js = sg_py_dict_get(processed, "java_stack_trace", 16);
    if (ok && js)
        ok = add_ref(out, "java_stack_trace", js);
    if (!ok) {
        cJSON_Delete(out);
        memset(err, 0, sizeof *err);
        err->code = SG_ENOMEM;
        snprintf(err->msg, sizeof err->msg, "out of memory converting a processed crash");
        return NULL;
    }
    return out;
}

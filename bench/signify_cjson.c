/* signify_cjson.c — the cJSON-full-parse variant of signify (bench stage, bench-only):
 * signify itself (runtime/signify.c, included whole) with each crash read by
 * cJSON_ParseWithLength, every value built, in the place of csiggen's reader, and then the
 * same pipeline on the tree (sg_generate_tree). On valid crash JSON it writes what signify
 * writes; json.loads' corners (duplicate keys, NaN, big ints, invalid UTF-8) are cJSON's
 * here, so it is a yardstick, not a tool. */
#define sg_generate bench_generate_cjson
#include "../runtime/signify.c"
#undef sg_generate

#include "crashdata.h"

sg_status bench_generate_cjson(sg_ctx *ctx, const char *json, size_t len, int flags, sg_output *out,
                               sg_error *err)
{
    memset(err, 0, sizeof *err);
    cJSON *doc = cJSON_ParseWithLength(json, len);
    if (!doc) {
        err->code = SG_EJSON;
        snprintf(err->msg, sizeof err->msg, "cJSON_ParseWithLength refused the document");
        return SG_EJSON;
    }
    cJSON *crash = doc;
    /* a processed crash is converted first, as sg_generate does */
    if (cJSON_IsObject(doc) && sg_py_dict_get(doc, "json_dump", 9))
        crash = sg_convert_to_crash_data(doc, err);
    sg_status st = crash ? sg_generate_tree(ctx, crash, flags, out, err) : err->code;
    /* the results live in the context's arena, not in the trees */
    if (crash && crash != doc)
        cJSON_Delete(crash);
    cJSON_Delete(doc);
    return st;
}

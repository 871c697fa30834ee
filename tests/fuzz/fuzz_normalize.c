/* fuzz_normalize.c — libFuzzer target for frame normalization (runtime/normalize.c; tests
 * stage, `make fuzz`): the input is one frame dict as JSON ({"function", "module", "file",
 * "line", "module_offset", "offset", "unloaded_modules"} of any types), read like a crash is
 * read, and normalized as Socorro's normalize_frame(**frame) does; the function alone also
 * goes through the C/C++ and Rust rules. Checks: no crash, the result is WTF-8, an exception
 * has a text, and normalizing twice gives the same bytes. */
#include "json_read.h"
#include "normalize.h"
#include "pyval.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int wtf8_ok(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        size_t k = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3
                 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
        if (!k || i + k > n)
            return 0;
        for (size_t j = 1; j < k; j++)
            if (((unsigned char)s[i + j] & 0xC0) != 0x80)
                return 0;
        i += k;
    }
    return 1;
}

static sg_fv field(const cJSON *frame, const char *key)
{
    return sg_fv_json(sg_py_dict_get(frame, key, strlen(key)));
}

/* one normalization into out; returns the exception class */
static sg_pyexc once(const sg_frame_in *in, const cJSON *fn, sg_buf *out)
{
    sg_arena arena;
    sg_arena_init(&arena, 0);
    sg_result r;
    sg_result_init(&r, &arena, 1);
    sg_pyexc e = sg_normalize_frame(&r, in, out);
    if (e != SG_PY_OK && (!r.exc.s || !r.exc.len))
        abort(); /* a raised exception has its str() */
    if (e == SG_PY_OK && !wtf8_ok(out->p ? out->p : "", out->len))
        abort();
    if (fn && cJSON_IsString(fn)) {
        sg_buf b;
        sg_buf_init(&b);
        sg_normalize_cpp(&r, fn->valuestring, sg_py_strlen(fn), &in->line, &b);
        sg_buf_reset(&b);
        sg_normalize_rust(&r, fn->valuestring, sg_py_strlen(fn), &in->line, &b);
        sg_buf_free(&b);
    }
    sg_arena_free(&arena);
    return e;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sg_error err;
    memset(&err, 0, sizeof err);
    cJSON *frame = sg_json_parse((const char *)data, size, NULL, &err);
    if (!frame)
        return 0;
    sg_frame_in in;
    in.module = field(frame, "module");
    in.function = field(frame, "function");
    in.file = field(frame, "file");
    in.line = field(frame, "line");
    in.module_offset = field(frame, "module_offset");
    in.offset = field(frame, "offset");
    in.unloaded_modules = field(frame, "unloaded_modules");
    sg_buf a, b;
    sg_buf_init(&a), sg_buf_init(&b);
    const cJSON *fn = sg_py_dict_get(frame, "function", 8);
    sg_pyexc e1 = once(&in, fn, &a), e2 = once(&in, fn, &b);
    if (e1 != e2 || a.len != b.len || (a.len && memcmp(a.p, b.p, a.len) != 0))
        abort(); /* deterministic */
    sg_buf_free(&a), sg_buf_free(&b);
    cJSON_Delete(frame);
    return 0;
}

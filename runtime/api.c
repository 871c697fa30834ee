/* api.c — the public entry points of csiggen.h: a context per caller (arena + limits), JSON
 * in, Socorro's result out. Runtime stage; everything here is glue over json_read.c,
 * crashdata.c and the rule VM (vm.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crashdata.h"
#include "normalize.h"
#include "json_read.h"
#include "memo.h"
#include "pipeline.h"
#include "pyval.h"

struct sg_ctx {
    sg_arena arena;
    sg_arena doc; /* the crash document's tree, kept until the next sg_generate */
    sg_limits limits;
    sg_result result;
    sg_buf scratch[SG_SCRATCH];
    sg_error prog_err; /* sg_program_check of the linked program, done once */
    sg_limits read_limits; /* limits, with max_frames cut to what the program reads */
    sg_memo *memo;         /* NULL when it could not be allocated: normalization runs anyway */
};

const char *sg_version(void) { return SG_VERSION_STRING; }

const char *sg_status_name(sg_status code)
{
    static const char *const names[] = { "ok", "out of memory", "invalid argument",
                                         "invalid JSON", "not crash data", "limit exceeded",
                                         "invalid rule program", "I/O error" };
    return (unsigned)code < sizeof names / sizeof names[0] ? names[code] : "unknown error";
}

sg_ctx *sg_ctx_new(const sg_limits *limits)
{
    sg_ctx *ctx = calloc(1, sizeof *ctx);
    if (!ctx)
        return NULL;
    if (limits)
        ctx->limits = *limits;
    else
        sg_limits_default(&ctx->limits);
    sg_arena_init(&ctx->arena, 0);
    sg_arena_init(&ctx->doc, 0);
    ctx->memo = sg_memo_new();
    sg_program_check(&sg_program_linked, &ctx->prog_err);
    ctx->read_limits = ctx->limits;
    if (sg_program_linked.frames_read && sg_program_linked.frames_read < ctx->limits.max_frames)
        ctx->read_limits.max_frames = sg_program_linked.frames_read;
    return ctx;
}

void sg_ctx_free(sg_ctx *ctx)
{
    if (!ctx)
        return;
    sg_arena_free(&ctx->arena);
    sg_arena_free(&ctx->doc);
    sg_memo_free(ctx->memo);
    for (int i = 0; i < SG_SCRATCH; i++)
        sg_buf_free(&ctx->scratch[i]);
    free(ctx);
}

static sg_status fail(sg_error *err, sg_status code, const char *msg)
{
    memset(err, 0, sizeof *err);
    err->code = code;
    strncpy(err->msg, msg, sizeof err->msg - 1);
    return code;
}

sg_status sg_generate_tree(sg_ctx *ctx, const struct cJSON *crash_data, int flags,
                           sg_output *out, sg_error *err)
{
    if (!ctx || !crash_data || !out || !err)
        return err ? fail(err, SG_EINVAL, "sg_generate_tree: NULL argument") : SG_EINVAL;
    memset(err, 0, sizeof *err);
    sg_arena_reset(&ctx->arena);
    sg_result *r = &ctx->result;
    sg_result_init(r, &ctx->arena, flags & SG_VERBOSE);
    r->scratch = ctx->scratch;
    r->memo = ctx->memo;
    if (ctx->prog_err.code != SG_OK) {
        *err = ctx->prog_err;
        return err->code;
    }
    sg_status st = sg_pipeline_run_checked(NULL, r, crash_data, err);
    if (st != SG_OK)
        return st;
    memset(out, 0, sizeof *out);
    out->signature = r->signature;
    out->has_frames = r->has_frames;
    out->proto_signature = r->has_frames ? r->proto_signature : (sg_string){ "", 0 };
    out->normalized_frames = r->normalized_frames.v;
    out->n_frames = r->normalized_frames.n;
    out->notes = r->notes.v;
    out->n_notes = r->notes.n;
    out->debug_log = r->debug.v;
    out->n_debug = r->debug.n;
    return SG_OK;
}

sg_status sg_generate(sg_ctx *ctx, const char *json, size_t len, int flags, sg_output *out,
                      sg_error *err)
{
    if (!ctx || !json || !out || !err)
        return err ? fail(err, SG_EINVAL, "sg_generate: NULL argument") : SG_EINVAL;
    /* thread 0 is built only when a rule reaches it (SignatureRunWatchDog, for shutdown
     * hangs): then the run starts again on a tree that has it */
    sg_status st = SG_OK;
    for (int thread0 = 0; thread0 < 2; thread0++) {
        sg_arena_reset(&ctx->doc);
        cJSON *doc = sg_json_read_crash_in(&ctx->doc, json, len, &ctx->read_limits, thread0, err);
        if (!doc)
            return err->code;
        cJSON *crash = doc;
        /* a processed crash (siggen's signify input with json_dump) is converted first */
        if (cJSON_IsObject(doc) && sg_py_dict_get(doc, "json_dump", 9)) {
            crash = sg_convert_to_crash_data(doc, err);
            if (!crash)
                return err->code;
        }
        st = sg_generate_tree(ctx, crash, flags, out, err);
        /* results live in ctx->arena, not in the trees; doc stays in ctx->doc until the next
         * call (the converted crash only references it) */
        if (crash != doc)
            cJSON_Delete(crash);
        if (st != SG_OK || !ctx->result.need_threads)
            break;
    }
    return st;
}

sg_status sg_ctx_normalize(sg_ctx *ctx, const sg_frame_in *f, sg_string *out, sg_error *err)
{
    memset(err, 0, sizeof *err);
    sg_arena_reset(&ctx->arena);
    sg_result *r = &ctx->result;
    sg_result_init(r, &ctx->arena, 0);
    r->scratch = ctx->scratch;
    sg_buf b;
    sg_buf_init(&b);
    sg_pyexc x = sg_normalize_frame(r, f, &b);
    sg_status st = SG_OK;
    if (x) {
        err->code = st = SG_EINVAL;
        snprintf(err->msg, sizeof err->msg, "%s: %.*s", sg_pyexc_name[x], (int)r->exc.len,
                 r->exc.s ? r->exc.s : "");
    } else {
        *out = sg_str_copy(r, b.p ? b.p : "", b.len);
        if (!out->s || b.failed)
            st = fail(err, SG_ENOMEM, "out of memory");
    }
    sg_buf_free(&b);
    return st;
}

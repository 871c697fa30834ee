/* bench_floor.c — signify with the signature work left out (bench stage, bench-only; run by
 * bench/run.sh, asserts nothing): signify itself (runtime/signify.c, included whole, as
 * signify_cjson.c does), so the input is read, split and written exactly as signify does it,
 * with each crash, in sg_generate's place, going through what SG_FLOOR names:
 *   lines     nothing: the read loop and the newline search alone
 *   validate  sg_json_skip_value over the whole line, nothing built (what json.loads's
 *             validation of every byte costs at the least)
 *   read      sg_json_read_crash_in with the limits sg_generate reads with: the document
 *             validated and the crashing thread built into an arena
 * A crash that passes writes a result with an empty signature; one that fails, an error line.
 * One thread only (the arena and the mode are this file's statics). */
#define sg_generate bench_generate_floor
#include "../runtime/signify.c"
#undef sg_generate

#include "arena.h"
#include "json_scan.h"
#include "program.h"

enum { FLOOR_LINES, FLOOR_VALIDATE, FLOOR_READ };

sg_status bench_generate_floor(sg_ctx *ctx, const char *json, size_t len, int flags, sg_output *out,
                               sg_error *err)
{
    static int mode = -1;
    static sg_arena doc;
    static sg_limits lim;
    (void)ctx, (void)flags;
    if (mode < 0) {
        const char *m = getenv("SG_FLOOR");
        mode = !m ? -1 : !strcmp(m, "lines") ? FLOOR_LINES : !strcmp(m, "validate") ? FLOOR_VALIDATE
             : !strcmp(m, "read") ? FLOOR_READ : -1;
        if (mode < 0) {
            fprintf(stderr, "bench_floor: set SG_FLOOR to lines, validate or read\n");
            exit(2);
        }
        sg_arena_init(&doc, 0);
        /* sg_ctx_new's read limits: no more frames than the program reads */
        sg_limits_default(&lim);
        if (sg_program_linked.frames_read && sg_program_linked.frames_read < lim.max_frames)
            lim.max_frames = sg_program_linked.frames_read;
    }
    memset(err, 0, sizeof *err);
    if (mode == FLOOR_VALIDATE && !sg_json_skip_value(json, 0, len, lim.max_depth, lim.max_string)) {
        err->code = SG_EJSON;
        snprintf(err->msg, sizeof err->msg, "not valid JSON");
        return SG_EJSON;
    }
    if (mode == FLOOR_READ) {
        sg_arena_reset(&doc);
        if (!sg_json_read_crash_in(&doc, json, len, &lim, 0, err))
            return err->code;
    }
    memset(out, 0, sizeof *out);
    out->signature = out->proto_signature = (sg_string){ "", 0 };
    return SG_OK;
}

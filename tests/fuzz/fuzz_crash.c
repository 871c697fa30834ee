/* fuzz_crash.c — libFuzzer target for the whole crash path (tests stage, `make fuzz`): the
 * input is one crash document (crash_data or a processed crash) given to the public entry
 * point sg_generate, which reads it (json_read.c), converts it, runs the rule program and
 * builds the result; the result is then written as JSON strings the json.dumps way.
 * Beyond crashes and sanitizer reports it checks what must hold for any input: the signature
 * is at most 255 code points of valid WTF-8, at most 40 frames, and a second run on the same
 * context and a run on a fresh context give the very same result (no state leaks from one
 * crash to the next, and the context's memo of normalized functions changes nothing). */
#include "csiggen.h"
#include "jsonstr.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static sg_ctx *ctx;

/* code points of valid WTF-8, or (size_t)-1 */
static size_t wtf8_len(const char *s, size_t n)
{
    size_t cps = 0;
    for (size_t i = 0; i < n; cps++) {
        unsigned char c = (unsigned char)s[i];
        size_t k = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3
                 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
        if (!k || i + k > n)
            return (size_t)-1;
        for (size_t j = 1; j < k; j++)
            if (((unsigned char)s[i + j] & 0xC0) != 0x80)
                return (size_t)-1;
        i += k;
    }
    return cps;
}

static void check_str(sg_buf *json, const sg_string *s)
{
    if (!s->s || s->s[s->len] != 0 || wtf8_len(s->s, s->len) == (size_t)-1)
        abort(); /* strings out of the library are NUL-ended WTF-8 */
    sg_json_encode_string(json, s->s, s->len);
}

/* the result flattened to JSON text, for comparing two runs */
static void flatten(sg_buf *json, const sg_output *o)
{
    check_str(json, &o->signature);
    check_str(json, &o->proto_signature);
    for (size_t i = 0; i < o->n_frames; i++)
        check_str(json, &o->normalized_frames[i]);
    for (size_t i = 0; i < o->n_notes; i++)
        check_str(json, &o->notes[i]);
    for (size_t i = 0; i < o->n_debug; i++)
        check_str(json, &o->debug_log[i]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!ctx && !(ctx = sg_ctx_new(NULL)))
        abort();
    /* a private copy without a terminator, so ASan sees any read past the end */
    char *doc = malloc(size ? size : 1);
    memcpy(doc, data, size);
    /* runs 0 and 1 on the long-lived context, run 2 on one that has seen no crash before */
    sg_buf json[3];
    sg_ctx *fresh = sg_ctx_new(NULL);
    if (!fresh)
        abort();
    for (int run = 0; run < 3; run++) {
        sg_output out;
        sg_error err;
        memset(&out, 0, sizeof out);
        memset(&err, 0, sizeof err);
        sg_buf_init(&json[run]);
        sg_status st = sg_generate(run == 2 ? fresh : ctx, doc, size, SG_VERBOSE, &out, &err);
        if (st == SG_OK) {
            if (wtf8_len(out.signature.s, out.signature.len) > 255 || out.n_frames > 40)
                abort(); /* SigTruncate and MAXIMUM_FRAMES_TO_CONSIDER */
            flatten(&json[run], &out);
        } else {
            if (!err.msg[0] || memchr(err.msg, 0, sizeof err.msg) == NULL)
                abort(); /* an error says what went wrong */
            sg_buf_add(&json[run], "error:", 6);
            sg_buf_adds(&json[run], err.msg);
        }
    }
    for (int run = 1; run < 3; run++)
        if (json[run].len != json[0].len ||
            (json[0].len && memcmp(json[run].p, json[0].p, json[0].len) != 0))
            abort(); /* the same crash gives the same result, whatever the context saw before */
    sg_ctx_free(fresh);
    for (int run = 0; run < 3; run++)
        sg_buf_free(&json[run]);
    free(doc);
    return 0;
}

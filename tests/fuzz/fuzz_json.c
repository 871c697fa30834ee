/* fuzz_json.c — libFuzzer target for the JSON reader (runtime/json_read.c; tests stage,
 * `make fuzz`): the input is one document. sg_json_parse and the crash reader
 * sg_json_read_crash must agree on whether it is valid and on the error they give (the crash
 * reader only drops frames past max_frames), and so must its arena-backed form; tiny
 * limits drive the limit paths too. The block skip and the token DFA agree on it as well. */
#include "json_read.h"
#include "json_scan.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void both(const char *s, size_t n, const sg_limits *lim)
{
    sg_error e1, e2;
    memset(&e1, 0, sizeof e1);
    memset(&e2, 0, sizeof e2);
    cJSON *a = sg_json_parse(s, n, lim, &e1);
    cJSON *b = sg_json_read_crash(s, n, lim, &e2);
    if (!a != !b)
        abort(); /* one reader accepted what the other refused */
    if (!a && (e1.code != e2.code || strcmp(e1.msg, e2.msg) != 0 || e1.code == SG_OK || !e1.msg[0]))
        abort(); /* the same input must get the same, non-empty error */
    /* the arena-backed crash reader (sg_generate's) agrees with the malloc-backed one */
    sg_arena arena;
    sg_arena_init(&arena, 0);
    sg_error e3;
    memset(&e3, 0, sizeof e3);
    cJSON *c = sg_json_read_crash_in(&arena, s, n, lim, (int)(n & 1), &e3);
    if (!b != !c || (!b && strcmp(e2.msg, e3.msg) != 0))
        abort();
    sg_arena_free(&arena);
    cJSON_Delete(a);
    cJSON_Delete(b);
}

/* The block skip, with each classifier this build and processor have, finds the end the
 * token DFA finds, or refuses where it refuses: for a value, and for the rest of an array. */
static void skips(const char *s, size_t n, size_t room)
{
    for (int rest = 0; rest < 2; rest++) {
        size_t want = sg_json_skip_tokens(s, 0, n, room, (size_t)1 << 40, rest);
        size_t got = rest ? sg_json_skip_rest(s, 0, n, room, (size_t)1 << 40)
                          : sg_json_skip_value(s, 0, n, room, (size_t)1 << 40);
        if (got != want)
            abort();
        if (!n || (!rest && s[0] != '{' && s[0] != '['))
            continue;
        for (int isa = SG_SCAN_PORTABLE; isa <= SG_SCAN_AVX512_VBMI2; isa++) {
            got = sg_json_skip_container_isa(s, 0, n, room, isa, rest);
            if (got != (size_t)-1 && got != want)
                abort();
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* a private copy without a terminator, so ASan sees any read past the end */
    char *s = malloc(size ? size : 1);
    memcpy(s, data, size);
    both(s, size, NULL);
    skips(s, size, 1000);
    skips(s, size, 3);
    sg_limits tiny;
    sg_limits_default(&tiny);
    tiny.max_depth = 6;
    tiny.max_frames = 2;
    tiny.max_string = 12;
    tiny.max_input = 4096;
    both(s, size, &tiny);
    free(s);
    return 0;
}

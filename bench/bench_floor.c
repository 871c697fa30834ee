/* bench_floor.c — signify --jsonl's input path with the signature work left out (bench
 * stage; run by bench/run.sh, asserts nothing). Standard input is read as signify reads it,
 * 1 MiB at a time into one buffer, and each line then goes through one of:
 *   lines     nothing: the read and the newline search alone
 *   validate  sg_json_skip_value over the whole line, nothing built (what json.loads's
 *             validation of every byte costs at the least)
 *   read      sg_json_read_crash_in with the limits sg_generate reads with: the document
 *             validated and the crashing thread built into an arena
 * so that the floors of RESULTS.md are paid the way signify pays them, the bytes still in
 * cache from the kernel's copy, not measured on lines held in memory. Prints how many lines
 * it took and how many were valid on standard error; the caller times it. Every line ends
 * in a newline, as the workload's do. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "csiggen.h"
#include "json_read.h"
#include "json_scan.h"
#include "program.h"

enum { READ_BYTES = 1 << 20 }; /* signify's */

int main(int argc, char **argv)
{
    const char *mode = argc == 2 ? argv[1] : "";
    int m = !strcmp(mode, "lines") ? 0 : !strcmp(mode, "validate") ? 1 : !strcmp(mode, "read") ? 2 : -1;
    if (m < 0) {
        fprintf(stderr, "usage: bench_floor lines|validate|read < CRASHES.jsonl\n");
        return 2;
    }
    sg_limits lim;
    sg_limits_default(&lim);
    if (sg_program_linked.frames_read && sg_program_linked.frames_read < lim.max_frames)
        lim.max_frames = sg_program_linked.frames_read;
    sg_arena doc;
    sg_arena_init(&doc, 0);
    sg_error e;
    size_t cap = READ_BYTES, len = 0;
    char *buf = malloc(cap);
    long lines = 0, valid = 0;
    for (;;) {
        if (len == cap) {
            char *nb = realloc(buf, cap * 2);
            if (!nb)
                return 2;
            buf = nb, cap *= 2;
        }
        ssize_t got = read(0, buf + len, cap - len);
        if (got < 0)
            return 2;
        size_t scan = len, start = 0;
        len += (size_t)got;
        char *nl;
        while ((nl = memchr(buf + scan, '\n', len - scan)) != NULL) {
            size_t end = (size_t)(nl - buf), n = end - start;
            lines++;
            if (m == 0)
                valid++;
            else if (m == 1)
                valid += sg_json_skip_value(buf + start, 0, n, lim.max_depth, lim.max_string) != 0;
            else {
                sg_arena_reset(&doc);
                valid += sg_json_read_crash_in(&doc, buf + start, n, &lim, 0, &e) != NULL;
            }
            start = scan = end + 1;
        }
        if (start) {
            memmove(buf, buf + start, len - start);
            len -= start;
        }
        if (got == 0)
            break;
    }
    fprintf(stderr, "bench_floor %s: %ld lines, %ld valid\n", mode, lines, valid);
    sg_arena_free(&doc);
    free(buf);
    return 0;
}

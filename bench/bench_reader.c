/* bench_reader.c — the input path alone (bench stage): per crash, csiggen's crash reader
 * (validates everything, builds only what signature generation reads), its full json.loads
 * parse, and cJSON_ParseWithLength building every value; then signature work alone on
 * trees already in memory. Prints one line per measurement; asserts nothing. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "csiggen.h"
#include "json_read.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_reader CRASHES.jsonl\n");
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f)
        return 2;
    char **lines = NULL;
    size_t *lens = NULL, n = 0, cap = 0, bytes = 0;
    char *line = NULL;
    size_t lcap = 0;
    ssize_t got;
    while ((got = getline(&line, &lcap, f)) > 0) {
        if (n == cap) {
            cap = cap ? cap * 2 : 1024;
            lines = realloc(lines, cap * sizeof *lines);
            lens = realloc(lens, cap * sizeof *lens);
        }
        lines[n] = malloc((size_t)got);
        memcpy(lines[n], line, (size_t)got);
        lens[n++] = (size_t)got;
        bytes += (size_t)got;
    }
    fclose(f);
    sg_error e;
    double t0 = now();
    for (size_t i = 0; i < n; i++)
        cJSON_Delete(sg_json_read_crash(lines[i], lens[i], NULL, &e));
    double t_read = now() - t0;
    t0 = now();
    for (size_t i = 0; i < n; i++)
        cJSON_Delete(sg_json_parse(lines[i], lens[i], NULL, &e));
    double t_full = now() - t0;
    t0 = now();
    for (size_t i = 0; i < n; i++)
        cJSON_Delete(cJSON_ParseWithLength(lines[i], lens[i]));
    double t_cjson = now() - t0;
    /* signature work alone: trees parsed beforehand */
    cJSON **trees = malloc(n * sizeof *trees);
    for (size_t i = 0; i < n; i++)
        trees[i] = sg_json_read_crash(lines[i], lens[i], NULL, &e);
    sg_ctx *ctx = sg_ctx_new(NULL);
    sg_output o;
    int reps = 5;
    t0 = now();
    for (int r = 0; r < reps; r++)
        for (size_t i = 0; i < n; i++)
            if (trees[i])
                sg_generate_tree(ctx, trees[i], 0, &o, &e);
    double t_gen = (now() - t0) / reps;
    double mb = (double)bytes / 1e6;
    printf("crashes %zu, %.1f MB, %.1f KB/crash\n", n, mb, (double)bytes / (double)n / 1e3);
    printf("reader  (sg_json_read_crash): %8.0f crashes/s  %7.1f MB/s\n", (double)n / t_read, mb / t_read);
    printf("full    (sg_json_parse):      %8.0f crashes/s  %7.1f MB/s\n", (double)n / t_full, mb / t_full);
    printf("cJSON   (cJSON_ParseWithLength): %5.0f crashes/s  %7.1f MB/s\n", (double)n / t_cjson, mb / t_cjson);
    printf("signature work, trees in memory: %.2f us/crash (%.0f crashes/s)\n", t_gen / (double)n * 1e6,
           (double)n / t_gen);
    sg_ctx_free(ctx);
    return 0;
}

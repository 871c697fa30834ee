/* bench_reader.c — the input path alone (bench stage): per crash, csiggen's crash reader
 * (validates everything, builds only what signature generation reads), the JSON validation
 * alone that the reader cannot do without (the floor under any reader that checks the whole
 * document as json.loads does), its full json.loads parse, and cJSON_ParseWithLength
 * building every value; then signature work alone on trees already in memory. Prints one
 * line per measurement; asserts nothing. With --signature, only the signature work (bench/
 * run.sh times it in rounds beside the reference's generate()). */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "csiggen.h"
#include "csig.h"
#include "json_read.h"
#include "json_scan.h"
#include "memo.h"
#include "normalize.h"
#include "pyval.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Signature work alone, seconds for one pass over the n crashes (the mean of three): each
 * crash's tree is read (untimed) just before, as in a real pipeline, so the work runs on a
 * tree still in cache, and read into an arena, as sg_generate reads it (on a tree of malloc'd
 * nodes the same work took 10.3-11.6 us against 8.1-9.2, a context each); thread 0 built too,
 * so that no rule asks for it. */
static double signature_work(char **lines, const size_t *lens, size_t n)
{
    sg_ctx *ctx = sg_ctx_new(NULL);
    sg_output o;
    sg_error e;
    sg_arena doc;
    int reps = 3;
    double t_gen = 0;
    sg_arena_init(&doc, 0);
    for (int r = 0; r < reps; r++)
        for (size_t i = 0; i < n; i++) {
            sg_arena_reset(&doc);
            cJSON *tree = sg_json_read_crash_in(&doc, lines[i], lens[i], NULL, 1, &e);
            if (!tree)
                continue;
            double t0 = now();
            sg_generate_tree(ctx, tree, 0, &o, &e);
            t_gen += now() - t0;
        }
    sg_arena_free(&doc);
    sg_ctx_free(ctx);
    return t_gen / reps;
}

int main(int argc, char **argv)
{
    /* --signature: the signature work alone, one line, for rounds beside the reference's */
    int sig_only = argc == 3 && strcmp(argv[1], "--signature") == 0;
    if (argc != 2 && !sig_only) {
        fprintf(stderr, "usage: bench_reader [--signature] CRASHES.jsonl\n");
        return 2;
    }
    FILE *f = fopen(argv[argc - 1], "rb");
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
    if (sig_only) {
        printf("signature work: %.2f us/crash\n", signature_work(lines, lens, n) / (double)n * 1e6);
        return 0;
    }
    sg_error e;
    double t0 = now();
    for (size_t i = 0; i < n; i++)
        cJSON_Delete(sg_json_read_crash(lines[i], lens[i], NULL, &e));
    double t_read = now() - t0;
    sg_arena doc;
    sg_arena_init(&doc, 0);
    t0 = now();
    for (size_t i = 0; i < n; i++) {
        sg_arena_reset(&doc);
        sg_json_read_crash_in(&doc, lines[i], lens[i], NULL, 0, &e);
    }
    double t_arena = now() - t0;
    sg_arena_free(&doc);
    /* each whole document through the block skip, nothing built (no UTF-8 pass either) */
    size_t valid = 0;
    t0 = now();
    for (size_t i = 0; i < n; i++)
        valid += sg_json_skip_value(lines[i], 0, lens[i], 512, lens[i]) != 0;
    double t_valid = now() - t0;
    t0 = now();
    for (size_t i = 0; i < n; i++)
        cJSON_Delete(sg_json_parse(lines[i], lens[i], NULL, &e));
    double t_full = now() - t0;
    t0 = now();
    for (size_t i = 0; i < n; i++)
        cJSON_Delete(cJSON_ParseWithLength(lines[i], lens[i]));
    double t_cjson = now() - t0;
    double t_gen = signature_work(lines, lens, n);
    /* normalization alone and the walk alone, per frame, on every crashing-thread frame of
     * a tree read into an arena as above; normalization with scratch buffers and a memo of
     * its own, as a context has */
    sg_memo *memo = sg_memo_new();
    sg_buf scratch[SG_SCRATCH];
    for (int k = 0; k < SG_SCRATCH; k++)
        sg_buf_init(&scratch[k]);
    sg_arena arena;
    sg_arena_init(&arena, 0);
    sg_result res;
    sg_buf nb;
    sg_buf_init(&nb);
    size_t nframes = 0;
    double t_norm = 0, t_walk = 0;
    sg_arena_init(&doc, 0);
    for (size_t i = 0; i < n; i++) {
        sg_arena_reset(&doc);
        cJSON *tree = sg_json_read_crash_in(&doc, lines[i], lens[i], NULL, 1, &e);
        const cJSON *th = tree ? sg_py_dict_get(tree, "threads", 7) : NULL;
        const cJSON *ct = tree ? sg_py_dict_get(tree, "crashing_thread", 15) : NULL;
        const cJSON *t = cJSON_IsArray(th) && cJSON_IsNumber(ct) ? cJSON_GetArrayItem(th, (int)ct->valuedouble) : NULL;
        const cJSON *frames = cJSON_IsObject(t) ? sg_py_dict_get(t, "frames", 6) : NULL;
        if (!cJSON_IsArray(frames))
            continue;
        sg_arena_reset(&arena);
        sg_result_init(&res, &arena, 0);
        res.memo = memo;
        res.scratch = scratch;
        sg_strvec list = { NULL, 0, 0 };
        const cJSON *f;
        double t1 = now();
        cJSON_ArrayForEach(f, frames) {
            sg_frame_in in = sg_frame_in_json(f);
            in.unloaded_modules = sg_fv_json(NULL);
            sg_buf_reset(&nb);
            if (sg_normalize_frame(&res, &in, &nb) == SG_PY_OK)
                sg_strvec_push(&res, &list, (sg_str){ nb.p ? nb.p : "", nb.len }, 1);
            nframes++;
        }
        double t2 = now();
        sg_csig_walk(&res, "bench", &list, "0", NULL, 0);
        double t3 = now();
        t_norm += t2 - t1;
        t_walk += t3 - t2;
    }
    sg_arena_free(&doc);
    sg_buf_free(&nb);
    sg_arena_free(&arena);
    sg_memo_free(memo);
    for (int k = 0; k < SG_SCRATCH; k++)
        sg_buf_free(&scratch[k]);
    double mb = (double)bytes / 1e6;
    printf("crashes %zu, %.1f MB, %.1f KB/crash\n", n, mb, (double)bytes / (double)n / 1e3);
    printf("reader  (sg_json_read_crash): %8.0f crashes/s  %7.1f MB/s\n", (double)n / t_read, mb / t_read);
    printf("reader, arena (sg_json_read_crash_in, as sg_generate reads): %8.0f crashes/s  %7.1f MB/s\n",
           (double)n / t_arena, mb / t_arena);
    printf("validation alone (sg_json_skip_value over each whole document, nothing built): %8.0f crashes/s  %7.1f MB/s (%.2f us/crash; %zu valid)\n",
           (double)n / t_valid, mb / t_valid, t_valid / (double)n * 1e6, valid);
    printf("full    (sg_json_parse):      %8.0f crashes/s  %7.1f MB/s\n", (double)n / t_full, mb / t_full);
    printf("cJSON   (cJSON_ParseWithLength): %5.0f crashes/s  %7.1f MB/s\n", (double)n / t_cjson, mb / t_cjson);
    printf("signature work, trees in memory: %.2f us/crash (%.0f crashes/s)\n", t_gen / (double)n * 1e6,
           (double)n / t_gen);
    printf("normalization alone: %.0f ns/frame; walk alone: %.0f ns/frame (%zu frames)\n",
           t_norm / (double)nframes * 1e9, t_walk / (double)nframes * 1e9, nframes);
    return 0;
}

/* signify.c — the command-line tool: one crash (or a processed crash) in, Socorro's result
 * out, like siggen's `signify`; `--jsonl` for batch reprocessing; `--normalize` and `--walk`
 * to check a single frame or a frame list. No logic of its own beyond I/O: everything goes
 * through the library (csiggen.h) and its internal stages. Runtime stage (tool). */
#define _GNU_SOURCE /* F_SETPIPE_SZ */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "csig.h"
#include "csiggen.h"
#include "json_read.h"
#include "jsonstr.h"
#include "normalize.h"
#include "pyval.h"

static const char usage[] =
    "usage: signify [-v] [FILE]            one crash (FILE or standard input)\n"
    "       signify --jsonl [-j N] [FILE...]  one crash per line, one result line per crash\n"
    "       signify --normalize [FILE...]  one frame object per line -> its normalized string\n"
    "       signify --walk [FILE...]       one list of normalized frames per line -> signature\n"
    "\n"
    "Generates crash signatures exactly as Mozilla Socorro's signature generation does\n"
    "(socorro/signature), with the siglists and rule pipeline this build was compiled with.\n"
    "\n"
    "Input: a JSON object in Socorro's crash_data schema (crashing_thread, threads[].frames[]\n"
    "with module/function/file/line/module_offset/offset/inlines/unloaded_modules, os, reason,\n"
    "oom_allocation_size, abort_message, async_shutdown_timeout, ipc_channel_error,\n"
    "ipc_message_name, additional_minidumps, hang, mdsw_status_string, java_stack_trace,\n"
    "java_exception, js_large_allocation_failure), or a Socorro processed crash (an object\n"
    "with json_dump), converted first as Socorro's convert_to_crash_data does. JSON is read as\n"
    "Python's json.loads reads it: keys are case-sensitive, the last duplicate key wins, NaN\n"
    "and Infinity are accepted, input must be UTF-8.\n"
    "\n"
    "Output: single mode prints {\"signature\", \"proto_signature\", \"notes\"} indented like\n"
    "Python's json.dumps(indent=2); --jsonl prints one compact line per input line with\n"
    "signature, proto_signature, normalized_frames and notes, or {\"error\": ..., \"line\": N}\n"
    "for a line that is not valid crash data (the other lines still come out). Non-ASCII is\n"
    "escaped as json.dumps does.\n"
    "\n"
    "Options:\n"
    "  -v, --verbose        print the debug log (one line each) before the result; with\n"
    "                       --jsonl it is a \"debug_log\" field of each result line\n"
    "  --jsonl              batch mode (see above); a progress line goes to stderr when it\n"
    "                       is a terminal\n"
    "  --max-line BYTES     longest input line or document (default 64 MiB); longer lines\n"
    "                       get an error line and are skipped without being held in memory\n"
    "  --max-frames N       frames kept per thread while reading (default 1000, and never\n"
    "                       more than the rule program reads: 40, inlines counted)\n"
    "  -j, --jobs N         with --jsonl, --normalize or --walk: N worker threads (default 1);\n"
    "                       output lines stay in input order\n"
    "  --normalize          normalize_frame on each input line's frame object; a frame on\n"
    "                       which Python raises prints {\"python_exception\": \"Class\"}\n"
    "  --walk               the signature walk on each line: a JSON list of normalized frame\n"
    "                       strings, or {\"frames\": [...], \"crashing_thread\": N,\n"
    "                       \"conditional_sentinels\": [[\"sentinel\", \"when frame\"], ...]}\n"
    "  -h, --help           this text\n"
    "  --version            the version\n"
    "\n"
    "Files: input is read 1 MiB at a time; with --jobs each worker reads its own ranges of\n"
    "a regular file (named, or as standard input), up to the size the file had at open.\n"
    "Details: docs/signify.md.\n"
    "\n"
    "Exit status: 0 when every crash was read, 1 when any input was invalid, 2 on usage or\n"
    "I/O errors.\n";

typedef enum { MODE_ONE, MODE_JSONL, MODE_NORMALIZE, MODE_WALK } mode;

typedef struct batch batch;

/* Where a worker left an error's line number for the main thread to write: the worker
 * knows only the line's place in its range of the input. */
typedef struct fixup {
    size_t at; /* in the worker's output */
    long line; /* 1-based, within the range */
} fixup;

typedef struct tool {
    mode mode;
    int verbose;
    sg_limits limits;
    sg_ctx *ctx;
    sg_buf out;
    int any_bad;
    long lines;
    int progress;
    int worker;         /* a --jobs worker: its output is kept until the main thread writes it */
    int jobs;
    batch *batches;     /* --jobs: 2 * jobs, filled, running, or waiting to be written */
    int nbatches;
    int nslots;         /* how many of them take turns: all, or jobs for ranges of a file */
    int filling;        /* the batch being filled */
    int read_failed;    /* --jobs: a worker could not read its range (it said why) */
    fixup *fix;         /* a worker over a range: the line numbers its errors leave out */
    size_t nfix, capfix;
    int relative_lines; /* the worker's line numbers count within its range */
} tool;

static void put_str(sg_buf *b, sg_string s) { sg_json_encode_string(b, s.s, s.len); }

static void put_list(sg_buf *b, const sg_string *v, size_t n, const char *indent)
{
    if (!n) {
        sg_buf_adds(b, "[]");
        return;
    }
    sg_buf_adds(b, indent ? "[" : "[");
    for (size_t i = 0; i < n; i++) {
        if (i)
            sg_buf_adds(b, indent ? "," : ", ");
        if (indent) {
            sg_buf_adds(b, "\n");
            sg_buf_adds(b, indent);
            sg_buf_adds(b, "  ");
        }
        put_str(b, v[i]);
    }
    if (indent) {
        sg_buf_adds(b, "\n");
        sg_buf_adds(b, indent);
    }
    sg_buf_adds(b, "]");
}

static void out_of_memory(void)
{
    fprintf(stderr, "signify: out of memory\n");
    exit(2);
}

static void add_line_number(sg_buf *b, long line)
{
    char num[32];
    snprintf(num, sizeof num, "%ld", line);
    sg_buf_adds(b, num);
}

static void error_line(tool *t, const char *msg, long line)
{
    sg_buf_adds(&t->out, "{\"error\": ");
    sg_json_encode_string(&t->out, msg, strlen(msg));
    sg_buf_adds(&t->out, ", \"line\": ");
    if (t->relative_lines) {
        if (t->nfix == t->capfix) {
            size_t cap = t->capfix ? 2 * t->capfix : 64;
            fixup *f = realloc(t->fix, cap * sizeof *f);
            if (!f)
                out_of_memory();
            t->fix = f;
            t->capfix = cap;
        }
        t->fix[t->nfix++] = (fixup){ t->out.len, line };
    } else {
        add_line_number(&t->out, line);
    }
    sg_buf_adds(&t->out, "}\n");
    t->any_bad = 1;
}

/* --jsonl: one result line per crash. */
static void do_crash_line(tool *t, const char *s, size_t n, long line)
{
    sg_output o;
    sg_error e;
    if (sg_generate(t->ctx, s, n, t->verbose ? SG_VERBOSE : 0, &o, &e) != SG_OK) {
        error_line(t, e.msg, line);
        return;
    }
    sg_buf *b = &t->out;
    sg_buf_adds(b, "{\"signature\": ");
    put_str(b, o.signature);
    sg_buf_adds(b, ", \"proto_signature\": ");
    put_str(b, o.proto_signature);
    sg_buf_adds(b, ", \"normalized_frames\": ");
    put_list(b, o.normalized_frames, o.n_frames, NULL);
    sg_buf_adds(b, ", \"notes\": ");
    put_list(b, o.notes, o.n_notes, NULL);
    if (t->verbose) {
        /* one line per crash even when verbose: the debug log is a field */
        sg_buf_adds(b, ", \"debug_log\": ");
        put_list(b, o.debug_log, o.n_debug, NULL);
    }
    sg_buf_adds(b, "}\n");
}


/* --normalize: normalize_frame(**frame) alone, as the corpus records it. */
static void do_normalize_line(tool *t, const char *s, size_t n, long line)
{
    sg_error e;
    cJSON *f = sg_json_parse(s, n, &t->limits, &e);
    if (!f || !cJSON_IsObject(f)) {
        error_line(t, f ? "a frame must be a JSON object" : e.msg, line);
        cJSON_Delete(f);
        return;
    }
    sg_arena a;
    sg_arena_init(&a, 0);
    sg_result r;
    sg_result_init(&r, &a, 0);
    sg_frame_in in = sg_frame_in_json(f);
    sg_buf norm;
    sg_buf_init(&norm);
    sg_pyexc x = sg_normalize_frame(&r, &in, &norm);
    if (x) {
        sg_buf_adds(&t->out, "{\"python_exception\": \"");
        sg_buf_adds(&t->out, sg_pyexc_name[x]);
        sg_buf_adds(&t->out, "\"}\n");
    } else {
        sg_json_encode_string(&t->out, norm.p ? norm.p : "", norm.len);
        sg_buf_addc(&t->out, '\n');
    }
    sg_buf_free(&norm);
    sg_arena_free(&a);
    cJSON_Delete(f);
}

/* --walk: CSignatureTool.generate over a list of normalized frames. */
static void do_walk_line(tool *t, const char *s, size_t n, long line)
{
    sg_error e;
    cJSON *doc = sg_json_parse(s, n, &t->limits, &e);
    const cJSON *frames = cJSON_IsObject(doc) ? sg_py_dict_get(doc, "frames", 6) : doc;
    const cJSON *ct = cJSON_IsObject(doc) ? sg_py_dict_get(doc, "crashing_thread", 15) : NULL;
    int ok = cJSON_IsArray(frames);
    const cJSON *c;
    if (ok)
        cJSON_ArrayForEach(c, frames) ok = ok && cJSON_IsString(c);
    if (!ok) {
        error_line(t, doc ? "expected a list of frame strings or {\"frames\": [...]}" : e.msg, line);
        cJSON_Delete(doc);
        return;
    }
    sg_arena a;
    sg_arena_init(&a, 0);
    sg_result r;
    sg_result_init(&r, &a, 0);
    sg_strvec v = { NULL, 0, 0 };
    cJSON_ArrayForEach(c, frames) sg_strvec_push(&r, &v, (sg_str){ c->valuestring, sg_py_strlen(c) }, 0);
    sg_buf th;
    sg_buf_init(&th);
    int none = cJSON_IsObject(doc) && (!ct || cJSON_IsNull(ct));
    if (!none) {
        if (ct)
            sg_py_str(&th, ct);
        else
            sg_buf_addc(&th, '0');
    }
    /* {"conditional_sentinels": [["sentinel", "when this frame is in the stack"], ...]} */
    const cJSON *cl = cJSON_IsObject(doc) ? sg_py_dict_get(doc, "conditional_sentinels", 21) : NULL;
    sg_cond_sentinel cs[32];
    size_t ncs = 0;
    for (c = cJSON_IsArray(cl) ? cl->child : NULL; c; c = c->next) {
        if (ncs < 32 && cJSON_GetArraySize(c) == 2 && cJSON_IsString(c->child) &&
            cJSON_IsString(c->child->next)) {
            cs[ncs].sentinel = (sg_str){ c->child->valuestring, sg_py_strlen(c->child) };
            cs[ncs++].when = (sg_str){ c->child->next->valuestring, sg_py_strlen(c->child->next) };
        }
    }
    sg_str sig = sg_csig_walk(&r, "signify", &v, none ? NULL : sg_buf_cstr(&th), cs, ncs);
    sg_json_encode_string(&t->out, sig.s, sig.len);
    sg_buf_addc(&t->out, '\n');
    sg_buf_free(&th);
    sg_arena_free(&a);
    cJSON_Delete(doc);
}

static void flush(tool *t)
{
    if (t->out.len && fwrite(t->out.p, 1, t->out.len, stdout) != t->out.len) {
        fprintf(stderr, "signify: write error: %s\n", strerror(errno));
        exit(2);
    }
    sg_buf_reset(&t->out);
}

static void do_line(tool *t, const char *s, size_t n, long line)
{
    if (t->mode == MODE_JSONL)
        do_crash_line(t, s, n, line);
    else if (t->mode == MODE_NORMALIZE)
        do_normalize_line(t, s, n, line);
    else
        do_walk_line(t, s, n, line);
    if (!t->worker && t->out.len > (1 << 16))
        flush(t);
}

static void too_long_line(tool *t, long line)
{
    char msg[128];
    snprintf(msg, sizeof msg, "line longer than the %zu-byte limit (--max-line)", t->limits.max_input);
    error_line(t, msg, line);
    if (!t->worker && t->out.len > (1 << 16))
        flush(t);
}

/* ---- --jobs: lines go in batches to worker threads; results come out in input order ---- */

/* A batch closes past this much input (or one long line): more from a regular file, whose
 * batches are ranges of whole lines that the worker reads and splits itself, holding no
 * copy, since each batch is a point where the in-order output can wait on the slowest worker
 * (with -j 2 on the bench workload: 4 MiB of lines and jobs + 1 batches 113 ms, 8 MiB and
 * 2 * jobs 105 ms; ranges of 2, 4, 8, 16 MiB 104, 96, 91, 90 ms). */
enum { BATCH_BYTES = 4 << 20, RANGE_BYTES = 8 << 20 };

/* Where split_lines gets its bytes: a FILE (a pipe, or a file one thread reads), or a range of
 * a regular file that a --jobs worker reads with pread. */
typedef struct source {
    FILE *in; /* NULL: the range */
    int fd;
    off_t at, end;
    const char *name;
} source;

/* Up to n bytes of src into buf: how many, 0 at its end, (size_t)-1 on a read error. */
static size_t source_read(source *src, char *buf, size_t n)
{
    if (src->in) {
        size_t got = fread(buf, 1, n, src->in);
        return got == 0 && ferror(src->in) ? (size_t)-1 : got;
    }
    if (src->at >= src->end)
        return 0;
    if ((off_t)n > src->end - src->at)
        n = (size_t)(src->end - src->at);
    ssize_t got;
    do
        got = pread(src->fd, buf, n, src->at);
    while (got < 0 && errno == EINTR);
    if (got < 0)
        return (size_t)-1;
    src->at += got; /* 0 when the file shrank: its end */
    return (size_t)got;
}

typedef struct entry {
    size_t off, len; /* the line is at text.p + off */
    long line;
    int too_long;
} entry;

struct batch {
    tool t;           /* the worker's own context and output */
    int has_range;    /* the worker reads and splits a range of the file itself */
    source range;
    long range_lines; /* how many lines it held */
    int range_failed; /* a read error in it (said on standard error) */
    sg_buf text;      /* the lines' bytes (none for a range) */
    entry *e;
    size_t n, cap;
    pthread_t th;
    int running;
};

static int split_lines(tool *t, source *src, long *lines,
                       void (*each)(tool *t, const char *s, size_t n, long line, int too_long));

static void add_line(tool *t, const char *s, size_t n, long line, int too_long);

/* A worker over a range: the main thread found only where the range ends, so the read and the
 * line split, the first passes over the bytes, run on the core that parses them (a worker's
 * tool has jobs 1: add_line does each line at once). */
static void run_range(batch *b)
{
    long line = 0;
    b->range_failed = split_lines(&b->t, &b->range, &line, add_line) != 0;
    b->range_lines = line;
}

static void *run_batch(void *arg)
{
    batch *b = arg;
    if (b->has_range) {
        run_range(b);
        return NULL;
    }
    for (size_t i = 0; i < b->n; i++) {
        entry *e = &b->e[i];
        if (e->too_long)
            too_long_line(&b->t, e->line);
        else
            do_line(&b->t, b->text.p + e->off, e->len, e->line);
    }
    return NULL;
}

/* Waits for batch k, writes its output, empties it. */
static void finish_batch(tool *t, batch *b)
{
    if (b->running)
        pthread_join(b->th, NULL);
    b->running = 0;
    /* the worker's output, with the line numbers it left out */
    size_t from = 0;
    for (size_t i = 0; i < b->t.nfix; i++) {
        sg_buf_add(&t->out, b->t.out.p + from, b->t.fix[i].at - from);
        add_line_number(&t->out, t->lines + b->t.fix[i].line);
        from = b->t.fix[i].at;
    }
    sg_buf_add(&t->out, b->t.out.p ? b->t.out.p + from : "", b->t.out.len - from);
    t->any_bad |= b->t.any_bad;
    if (b->t.out.failed || b->text.failed || t->out.failed)
        out_of_memory();
    if (b->has_range) {
        t->lines += b->range_lines;
        t->read_failed |= b->range_failed;
        if (t->progress)
            fprintf(stderr, "\rsignify: %ld lines", t->lines);
    }
    sg_buf_reset(&b->t.out);
    sg_buf_reset(&b->text);
    b->t.nfix = 0;
    b->t.relative_lines = 0;
    b->has_range = 0;
    b->n = 0;
    flush(t);
}

/* Starts the batch being filled and moves on to the next one, first writing out what that
 * one held (so at most 2 * jobs batches are in memory). */
static void start_batch(tool *t)
{
    batch *b = &t->batches[t->filling];
    int work = b->n || b->has_range;
    if (work && pthread_create(&b->th, NULL, run_batch, b) == 0)
        b->running = 1;
    else if (work)
        run_batch(b); /* no thread: do it here */
    t->filling = (t->filling + 1) % t->nslots;
    finish_batch(t, &t->batches[t->filling]);
}

static void add_line(tool *t, const char *s, size_t n, long line, int too_long)
{
    if (t->jobs <= 1) {
        if (too_long)
            too_long_line(t, line);
        else
            do_line(t, s, n, line);
        return;
    }
    batch *b = &t->batches[t->filling];
    if (b->n == b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 256;
        entry *e = realloc(b->e, cap * sizeof *e);
        if (!e)
            out_of_memory();
        b->e = e;
        b->cap = cap;
    }
    b->e[b->n++] = (entry){ b->text.len, n, line, too_long };
    sg_buf_add(&b->text, s, n);
    if (b->text.len >= BATCH_BYTES)
        start_batch(t);
}

/* Hands a range of a regular file, whole lines, to the next worker. */
static void add_range(tool *t, int fd, off_t at, off_t end, const char *name)
{
    batch *b = &t->batches[t->filling];
    b->has_range = 1;
    b->range = (source){ NULL, fd, at, end, name };
    b->t.relative_lines = 1;
    start_batch(t);
}

/* Runs what is left and writes every batch out in order. */
static void drain_batches(tool *t)
{
    if (t->jobs <= 1)
        return;
    for (int k = 0; k < t->nslots; k++)
        start_batch(t);
}

static int init_jobs(tool *t)
{
    if (t->jobs <= 1)
        return 0;
    t->nbatches = t->nslots = 2 * t->jobs; /* jobs running while as many more wait to be written or filled */
    t->batches = calloc((size_t)t->nbatches, sizeof *t->batches);
    if (!t->batches)
        return -1;
    for (int k = 0; k < t->nbatches; k++) {
        batch *b = &t->batches[k];
        b->t = *t;
        b->t.worker = 1;
        b->t.jobs = 1;
        b->t.any_bad = 0;
        sg_buf_init(&b->t.out);
        sg_buf_init(&b->text);
        if (!(b->t.ctx = sg_ctx_new(&t->limits)))
            return -1;
    }
    return 0;
}

static void free_jobs(tool *t)
{
    for (int k = 0; t->batches && k < t->nbatches; k++) {
        sg_ctx_free(t->batches[k].t.ctx);
        sg_buf_free(&t->batches[k].t.out);
        sg_buf_free(&t->batches[k].text);
        free(t->batches[k].e);
        free(t->batches[k].t.fix);
    }
    free(t->batches);
}

/* The offset just past the newline that ends the line holding offset `at` of the file (or
 * `size`: the file ends first), read in windows; -1 on a read error. */
static off_t line_end_at(int fd, off_t at, off_t size)
{
    char win[1 << 16];
    source src = { NULL, fd, at, size, "" };
    for (;;) {
        off_t from = src.at;
        size_t got = source_read(&src, win, sizeof win);
        if (got == (size_t)-1)
            return -1;
        if (got == 0)
            return size; /* the end (of a file that shrank, too) */
        const char *nl = memchr(win, '\n', got);
        if (nl)
            return from + (nl - win) + 1;
    }
}

/* With --jobs, a regular file goes to the workers in ranges of whole lines, each read (pread)
 * and split by its worker: no copy through the main thread, which only finds where each range
 * ends. 1 when the input is no regular file (then it is read as a stream). A file is read up
 * to the size it had when signify looked, or to where it ends if it shrinks meanwhile. */
static int each_line_ranges(tool *t, FILE *in, const char *name)
{
    struct stat st;
    int fd = fileno(in);
    off_t at = fd >= 0 ? lseek(fd, 0, SEEK_CUR) : -1;
    if (at < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= at)
        return 1;
    /* a range is handed over at once, not filled: with all 2 * jobs slots taking turns, up to
     * that many workers would share the cores, each evicting the others' read buffers from
     * the cache (bench workload of 8000 crashes, -j 2 on two cores, 15 runs each: 173 ms
     * against 157 ms with jobs slots; one thread 263 ms) */
    t->nslots = t->jobs;
    while (at < st.st_size && !t->read_failed) {
        off_t end = st.st_size - at > RANGE_BYTES ? line_end_at(fd, at + RANGE_BYTES - 1, st.st_size)
                                                   : st.st_size;
        if (end < 0) {
            fprintf(stderr, "signify: %s: read error: %s\n", name, strerror(errno));
            t->read_failed = 1;
            break;
        }
        add_range(t, fd, at, end, name);
        at = end;
    }
    drain_batches(t);
    t->nslots = t->nbatches;
    return t->read_failed ? -1 : 0;
}

/* Reads src READ_BYTES at a time and hands each line to `each`, numbered from *lines + 1.
 * Lines of any length, with memory bounded by --max-line: a longer line is skipped to its
 * newline and reported, never held. The kernel's copy leaves the bytes in the cache the parse
 * then reads them from, where a mapping of a file cost more in page tables (filled, then given
 * back) than the copy, and its first touch went to memory (bench workload, one thread: 557 ms
 * against 759, medians of 6 alternating runs; 256 KiB 605 ms, 4 MiB, more than this
 * machine's L2, 756 ms). Returns 0, or -1 on a read error (said). */
enum { READ_BYTES = 1 << 20 };

static int split_lines(tool *t, source *src, long *lines,
                       void (*each)(tool *t, const char *s, size_t n, long line, int too_long))
{
    /* the buffer never grows past max_input + 1: a line that fills it is too long */
    size_t limit = t->limits.max_input + 1;
    size_t cap = limit < READ_BYTES ? limit : READ_BYTES, len = 0;
    char *buf = malloc(cap);
    int too_long = 0;
    if (!buf)
        out_of_memory();
    for (;;) {
        if (len == cap && !too_long) {
            size_t ncap = cap * 2 > limit ? limit : cap * 2;
            if (ncap <= cap) {
                too_long = 1;
            } else {
                char *nb = realloc(buf, ncap);
                if (!nb) {
                    too_long = 1;
                } else {
                    buf = nb;
                    cap = ncap;
                }
            }
        }
        if (too_long)
            len = 0; /* keep reading to the newline, keep nothing */
        size_t got = source_read(src, buf + len, cap - len);
        if (got == (size_t)-1) {
            fprintf(stderr, "signify: %s: read error: %s\n", src->name, strerror(errno));
            free(buf);
            return -1;
        }
        size_t scan = len;
        len += got;
        size_t start = 0;
        char *nl;
        while ((nl = memchr(buf + scan, '\n', len - scan)) != NULL) {
            size_t end = (size_t)(nl - buf);
            ++*lines;
            each(t, buf + start, end - start, *lines, too_long);
            too_long = 0;
            start = scan = end + 1;
            if (t->progress && !t->worker && *lines % 10000 == 0)
                fprintf(stderr, "\rsignify: %ld lines", *lines);
        }
        if (start) {
            memmove(buf, buf + start, len - start);
            len -= start;
        }
        if (got == 0)
            break;
    }
    if (len || too_long) { /* a last line without a newline */
        ++*lines;
        each(t, buf, len, *lines, too_long);
    }
    free(buf);
    return 0;
}

/* Every line of the input: a stream (a pipe, or a file with one thread) or, with --jobs, a
 * regular file in ranges (each_line_ranges). */
static int each_line(tool *t, FILE *in, const char *name)
{
    int rc = t->jobs > 1 ? each_line_ranges(t, in, name) : 1;
    if (rc != 1)
        return rc;
#ifdef F_SETPIPE_SZ
    /* a pipe of 64 KiB (Linux's default) costs two context switches a 64 KiB of crashes */
    fcntl(fileno(in), F_SETPIPE_SZ, 1 << 20);
#endif
    source src = { in, -1, 0, 0, name };
    rc = split_lines(t, &src, &t->lines, add_line);
    drain_batches(t);
    return rc;
}

static int run_single(tool *t, FILE *in, const char *name)
{
    sg_buf doc;
    sg_buf_init(&doc);
    char chunk[65536];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, in)) > 0) {
        sg_buf_add(&doc, chunk, got);
        if (doc.len > t->limits.max_input)
            break;
    }
    if (ferror(in)) {
        fprintf(stderr, "signify: %s: read error: %s\n", name, strerror(errno));
        sg_buf_free(&doc);
        return 2;
    }
    sg_output o;
    sg_error e;
    sg_status st = sg_generate(t->ctx, doc.p ? doc.p : "", doc.len, t->verbose ? SG_VERBOSE : 0, &o, &e);
    sg_buf_free(&doc);
    if (st != SG_OK) {
        fprintf(stderr, "signify: %s: %s\n", name, e.msg);
        return 1;
    }
    sg_buf *b = &t->out;
    for (size_t i = 0; i < o.n_debug; i++) {
        sg_buf_add(b, o.debug_log[i].s, o.debug_log[i].len);
        sg_buf_addc(b, '\n');
    }
    sg_buf_adds(b, "{\n  \"signature\": ");
    put_str(b, o.signature);
    sg_buf_adds(b, ",\n  \"proto_signature\": ");
    put_str(b, o.proto_signature);
    sg_buf_adds(b, ",\n  \"notes\": ");
    put_list(b, o.notes, o.n_notes, "  ");
    sg_buf_adds(b, "\n}\n");
    flush(t);
    return 0;
}

static size_t parse_size(const char *s, const char *opt)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *end || v == 0 || s[0] == '-') {
        fprintf(stderr, "signify: %s needs a positive number, not '%s'\n", opt, s);
        exit(2);
    }
    return (size_t)v;
}

int main(int argc, char **argv)
{
    tool t;
    memset(&t, 0, sizeof t);
    sg_limits_default(&t.limits);
    sg_buf_init(&t.out);
    const char *files[256];
    int nfiles = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(usage, stdout);
            return 0;
        } else if (!strcmp(a, "--version")) {
            printf("signify (csiggen) %s\n", sg_version());
            return 0;
        } else if (!strcmp(a, "-v") || !strcmp(a, "--verbose")) {
            t.verbose = 1;
        } else if (!strcmp(a, "--jsonl")) {
            t.mode = MODE_JSONL;
        } else if (!strcmp(a, "--normalize")) {
            t.mode = MODE_NORMALIZE;
        } else if (!strcmp(a, "--walk")) {
            t.mode = MODE_WALK;
        } else if (!strcmp(a, "--max-line") && i + 1 < argc) {
            t.limits.max_input = parse_size(argv[++i], a);
        } else if (!strcmp(a, "--max-frames") && i + 1 < argc) {
            t.limits.max_frames = parse_size(argv[++i], a);
        } else if ((!strcmp(a, "-j") || !strcmp(a, "--jobs")) && i + 1 < argc) {
            size_t j = parse_size(argv[++i], a);
            if (j > 256) {
                fprintf(stderr, "signify: %s: at most 256 jobs\n", a);
                return 2;
            }
            t.jobs = (int)j;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "signify: unknown option '%s'\n\n%s", a, usage);
            return 2;
        } else if (nfiles < (int)(sizeof files / sizeof files[0])) {
            files[nfiles++] = a;
        } else {
            fprintf(stderr, "signify: too many files\n");
            return 2;
        }
    }
    if (t.mode == MODE_ONE && t.jobs > 1) {
        fprintf(stderr, "signify: --jobs works with --jsonl, --normalize or --walk\n");
        return 2;
    }
    if (t.mode == MODE_ONE && nfiles > 1) {
        fprintf(stderr, "signify: one crash file at a time (use --jsonl for many)\n");
        return 2;
    }
    t.ctx = sg_ctx_new(&t.limits);
    if (!t.ctx) {
        fprintf(stderr, "signify: out of memory\n");
        return 2;
    }
    t.progress = t.mode == MODE_JSONL && isatty(2);
    if (init_jobs(&t) != 0) {
        fprintf(stderr, "signify: out of memory\n");
        return 2;
    }
    int rc = 0;
    for (int i = 0; i < (nfiles ? nfiles : 1) && rc < 2; i++) {
        const char *name = nfiles && strcmp(files[i], "-") ? files[i] : "<stdin>";
        FILE *in = nfiles && strcmp(files[i], "-") ? fopen(files[i], "rb") : stdin;
        if (!in) {
            fprintf(stderr, "signify: %s: %s\n", files[i], strerror(errno));
            rc = 2;
            break;
        }
        if (t.mode == MODE_ONE)
            rc = run_single(&t, in, name);
        else if (each_line(&t, in, name) != 0)
            rc = 2;
        if (in != stdin)
            fclose(in);
    }
    flush(&t);
    if (t.progress)
        fprintf(stderr, "\rsignify: %ld lines, done\n", t.lines);
    if (rc == 0 && t.any_bad)
        rc = 1;
    free_jobs(&t);
    sg_ctx_free(t.ctx);
    sg_buf_free(&t.out);
    return rc;
}

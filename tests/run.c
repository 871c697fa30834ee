/* run.c — the single test runner: runs every suite (or those named on the command line)
 * and ends with the line "N passed, N failed". Exit status 1 when anything failed. */
#define _GNU_SOURCE
#include "testlib.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <errno.h>

#define SUITE(name) void suite_##name(void);
#include "suites.h"
#undef SUITE

static const struct { const char *name; void (*fn)(void); } suites[] = {
#define SUITE(name) {#name, suite_##name},
#include "suites.h"
#undef SUITE
};

static long n_pass, n_fail, n_skip, suite_fail_shown;
static const char *cur_suite;

int t_check(int cond, const char *file, int line, const char *fmt, ...)
{
    if (cond) {
        n_pass++;
        return 1;
    }
    n_fail++;
    /* a broken build can fail thousands of corpus cases: show the first few per suite */
    if (suite_fail_shown++ < 20) {
        va_list ap;
        va_start(ap, fmt);
        fprintf(stdout, "FAIL [%s] %s:%d: ", cur_suite, file, line);
        vfprintf(stdout, fmt, ap);
        fputc('\n', stdout);
        va_end(ap);
    }
    return 0;
}

void t_skip(const char *why, ...)
{
    va_list ap;
    va_start(ap, why);
    n_skip++;
    fprintf(stdout, "SKIP [%s] ", cur_suite);
    vfprintf(stdout, why, ap);
    fputc('\n', stdout);
    va_end(ap);
}

const char *t_env(const char *var)
{
    const char *v = getenv(var);
    return (v && *v) ? v : NULL;
}

const char *t_path(const char *var, const char *rel)
{
    static char bufs[16][4096];
    static int next;
    const char *base = t_env(var);
    struct stat st;
    if (!base)
        return NULL;
    char *b = bufs[next++ % 16];
    snprintf(b, sizeof bufs[0], "%s/%s", base, rel);
    return stat(b, &st) == 0 ? b : NULL;
}

static int grow_read(int fd, char **buf, size_t *len, size_t *cap)
{
    if (*cap - *len < 65536) {
        *cap = *cap * 2 + 65536;
        *buf = realloc(*buf, *cap);
    }
    ssize_t r = read(fd, *buf + *len, *cap - *len - 1);
    if (r > 0)
        *len += (size_t)r;
    return (int)r;
}

int t_run(const char *cmd, const char *in, size_t in_len, char **out, size_t *out_len, char **err)
{
    int pin[2], pout[2], perr[2];
    if (pipe(pin) || pipe(pout) || pipe(perr))
        return -1;
    pid_t pid = fork();
    if (pid == 0) {
        dup2(pin[0], 0), dup2(pout[1], 1), dup2(perr[1], 2);
        close(pin[1]), close(pout[0]), close(perr[0]);
        execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
        _exit(127);
    }
    close(pin[0]), close(pout[1]), close(perr[1]);
    signal(SIGPIPE, SIG_IGN);
    fcntl(pin[1], F_SETFL, O_NONBLOCK);
    char *ob = NULL, *eb = NULL;
    size_t ol = 0, oc = 0, el = 0, ec = 0, sent = 0;
    int open_out = 1, open_err = 1, open_in = 1;
    if (!in || in_len == 0)
        close(pin[1]), open_in = 0;
    while (open_out || open_err) {
        struct pollfd p[3] = {{pout[0], POLLIN, 0}, {perr[0], POLLIN, 0}, {pin[1], POLLOUT, 0}};
        p[0].fd = open_out ? pout[0] : -1;
        p[1].fd = open_err ? perr[0] : -1;
        p[2].fd = open_in ? pin[1] : -1;
        if (poll(p, 3, -1) < 0 && errno != EINTR)
            break;
        if (p[0].revents && grow_read(pout[0], &ob, &ol, &oc) <= 0)
            open_out = 0, close(pout[0]);
        if (p[1].revents && grow_read(perr[0], &eb, &el, &ec) <= 0)
            open_err = 0, close(perr[0]);
        if (open_in && p[2].revents) {
            ssize_t w = write(pin[1], in + sent, in_len - sent);
            if (w > 0)
                sent += (size_t)w;
            if (w < 0 && errno != EAGAIN)
                sent = in_len;
            if (sent >= in_len)
                close(pin[1]), open_in = 0;
        }
    }
    if (open_in)
        close(pin[1]);
    int st = 0;
    waitpid(pid, &st, 0);
    if (!ob)
        ob = calloc(1, 1);
    if (!eb)
        eb = calloc(1, 1);
    ob[ol] = 0, eb[el] = 0;
    if (out)
        *out = ob;
    else
        free(ob);
    if (out_len)
        *out_len = ol;
    if (err)
        *err = eb;
    else
        free(eb);
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

char *t_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = NULL;
    size_t l = 0, cap = 0;
    int fd = fileno(f);
    while (grow_read(fd, &buf, &l, &cap) > 0)
        ;
    fclose(f);
    if (!buf)
        buf = calloc(1, 1);
    buf[l] = 0;
    if (len)
        *len = l;
    return buf;
}

char **t_lines(char *buf, size_t *n)
{
    size_t cap = 1024, k = 0;
    char **v = malloc(cap * sizeof *v);
    char *p = buf;
    while (*p) {
        char *nl = strchr(p, '\n');
        if (k == cap)
            v = realloc(v, (cap *= 2) * sizeof *v);
        v[k++] = p;
        if (!nl)
            break;
        *nl = 0;
        p = nl + 1;
    }
    *n = k;
    return v;
}

int main(int argc, char **argv)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    for (size_t i = 0; i < sizeof suites / sizeof suites[0]; i++) {
        int want = argc < 2;
        for (int a = 1; a < argc; a++)
            want |= strcmp(argv[a], suites[i].name) == 0;
        if (!want)
            continue;
        cur_suite = suites[i].name;
        suite_fail_shown = 0;
        long p0 = n_pass, f0 = n_fail;
        suites[i].fn();
        printf("suite %-24s %ld passed, %ld failed\n", suites[i].name, n_pass - p0, n_fail - f0);
    }
    if (n_skip)
        printf("%ld suite part(s) skipped (see SKIP lines above)\n", n_skip);
    printf("%ld passed, %ld failed\n", n_pass, n_fail);
    return n_fail ? 1 : 0;
}

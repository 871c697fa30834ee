/* result.c — Socorro's generator.Result in C: signature, notes, debug log and extras,
 * all allocated in the run's arena (runtime stage). */
#include "result.h"

#include <stdio.h>
#include <string.h>

void sg_result_init(sg_result *r, sg_arena *arena, int verbose)
{
    memset(r, 0, sizeof *r);
    r->arena = arena;
    r->verbose = verbose;
    r->signature.s = "";
}

sg_str sg_str_copy(sg_result *r, const char *s, size_t len)
{
    sg_str out = { NULL, 0 };
    char *p = sg_arena_strdup(r->arena, s, len);
    if (!p) {
        r->failed = 1;
        return out;
    }
    out.s = p;
    out.len = len;
    return out;
}

void sg_strvec_push(sg_result *r, sg_strvec *vec, sg_str s, int copy)
{
    if (copy) {
        s = sg_str_copy(r, s.s, s.len);
        if (!s.s)
            return;
    }
    if (vec->n == vec->cap) {
        size_t cap = vec->cap ? vec->cap * 2 : 16;
        sg_str *v = sg_arena_alloc(r->arena, cap * sizeof *v);
        if (!v) {
            r->failed = 1;
            return;
        }
        if (vec->n)
            memcpy(v, vec->v, vec->n * sizeof *v);
        vec->v = v;
        vec->cap = cap;
    }
    vec->v[vec->n++] = s;
}

void sg_strvec_reserve(sg_result *r, sg_strvec *vec, size_t n)
{
    if (vec->cap || !n)
        return;
    vec->v = sg_arena_alloc(r->arena, n * sizeof *vec->v);
    if (!vec->v)
        r->failed = 1;
    else
        vec->cap = n;
}

/* A small formatter of our own: printf's %s stops at NUL, and frame strings may hold NULs. */
static void fmt_into(sg_buf *b, const char *fmt, va_list ap)
{
    char num[32];
    for (const char *p = fmt; *p; p++) {
        if (*p != '%') {
            sg_buf_addc(b, *p);
            continue;
        }
        p++;
        switch (*p) {
        case 's':
            sg_buf_adds(b, va_arg(ap, const char *));
            break;
        case 'S': {
            const sg_str *s = va_arg(ap, const sg_str *);
            sg_buf_add(b, s->s, s->len);
            break;
        }
        case 'd':
            snprintf(num, sizeof num, "%d", va_arg(ap, int));
            sg_buf_adds(b, num);
            break;
        case 'l':
            p++; /* %ld */
            snprintf(num, sizeof num, "%ld", va_arg(ap, long));
            sg_buf_adds(b, num);
            break;
        case 'z':
            p++; /* %zu */
            snprintf(num, sizeof num, "%zu", va_arg(ap, size_t));
            sg_buf_adds(b, num);
            break;
        case '%':
            sg_buf_addc(b, '%');
            break;
        default:
            sg_buf_addc(b, '%');
            if (!*p)
                return;
            sg_buf_addc(b, *p);
        }
    }
}

sg_str sg_result_vfmt(sg_result *r, const char *fmt, va_list ap)
{
    sg_buf b;
    sg_str out = { NULL, 0 };
    sg_buf_init(&b);
    fmt_into(&b, fmt, ap);
    if (!b.failed)
        out = sg_str_copy(r, b.p ? b.p : "", b.len);
    else
        r->failed = 1;
    sg_buf_free(&b);
    return out;
}

sg_str sg_result_fmt(sg_result *r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    sg_str s = sg_result_vfmt(r, fmt, ap);
    va_end(ap);
    return s;
}

static void log_line(sg_result *r, sg_strvec *vec, const char *rule, const char *fmt, va_list ap)
{
    sg_str msg = sg_result_vfmt(r, fmt, ap);
    if (!msg.s)
        return;
    sg_str line = sg_result_fmt(r, "%s: %S", rule, &msg);
    if (line.s)
        sg_strvec_push(r, vec, line, 0);
}

void sg_result_info(sg_result *r, const char *rule, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    log_line(r, &r->notes, rule, fmt, ap);
    va_end(ap);
}

void sg_result_debug(sg_result *r, const char *rule, const char *fmt, ...)
{
    if (!r->verbose)
        return;
    va_list ap;
    va_start(ap, fmt);
    log_line(r, &r->debug, rule, fmt, ap);
    va_end(ap);
}

void sg_result_set_signature(sg_result *r, const char *rule, sg_str sig)
{
    sg_result_debug(r, rule, "change signature: \"%S\" -> \"%S\"", &r->signature, &sig);
    r->signature = sig;
}

int sg_result_raise(sg_result *r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    r->exc = sg_result_vfmt(r, fmt, ap);
    va_end(ap);
    return r->failed ? SG_RULE_FATAL : SG_RULE_RAISED;
}

/* csig.c — SignatureGenerationRule's C/C++/Rust part (rules.py): the crashing thread found
 * as Python finds it (int() and glom semantics), its frame list (inlines first, 40 frames,
 * the Rust 1.34 module fix, Windows lower-casing), normalization, and CSignatureTool's
 * walk over the generated matchers. Runtime stage. */
#include "csig.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "json_read.h"
#include "matchers.h"
#include "normalize.h"
#include "pyval.h"
#include "unicode.h"

/* ---- get_crashing_thread and glom(crash_data, "threads.%d") ----------------------------- */

typedef struct thread_ix {
    const char *digits; /* str() of the Python int, as notes print it (arena or num) */
    long long v;        /* the same, saturated, for indexing */
    char num[24];       /* digits of a small int */
} thread_ix;

/* str(v) into buf (24 bytes hold any long long); returns where it starts. */
static const char *decimal(long long v, char buf[24])
{
    char *p = buf + 23;
    unsigned long long u = v < 0 ? 0 - (unsigned long long)v : (unsigned long long)v;
    *p = 0;
    do
        *--p = (char)('0' + u % 10);
    while (u /= 10);
    if (v < 0)
        *--p = '-';
    return p;
}

/* int(x) of a str in base 10 into ix; 0 when Python raises ValueError. */
static int int_of_str(sg_result *r, const char *s, size_t n, thread_ix *ix)
{
    sg_buf digits;
    sg_buf_init(&digits);
    int ok = sg_py_int_parse(s, n, &digits, &ix->v) && !digits.failed;
    if (ok)
        ok = (ix->digits = sg_str_copy(r, digits.p, digits.len).s) != NULL;
    sg_buf_free(&digits);
    return ok;
}

/* get_crashing_thread: int(crash_data.get("crashing_thread", 0)), 0 on TypeError and
 * ValueError; an infinite float raises OverflowError, which Socorro does not catch. */
static int crashing_thread(sg_result *r, const cJSON *crash, int thread0, thread_ix *ix)
{
    const cJSON *v = thread0 ? NULL : sg_py_dict_get(crash, "crashing_thread", 15);
    ix->digits = "0";
    ix->v = 0;
    if (!v || thread0)
        return SG_RULE_OK;
    if (cJSON_IsBool(v)) {
        ix->v = cJSON_IsTrue(v);
        ix->digits = ix->v ? "1" : "0";
    } else if (cJSON_IsNumber(v) && !v->valuestring && fabs(v->valuedouble) < 1e18 &&
               v->valuedouble == (double)(long long)v->valuedouble) {
        /* an integer the reader holds exactly (json_read.h): its digits, without printf */
        ix->v = (long long)v->valuedouble;
        ix->digits = decimal(ix->v, ix->num);
    } else if (cJSON_IsNumber(v) && !sg_py_is_float(v)) {
        char num[400]; /* every digit of a whole double: 1e308 has 309 */
        if (!v->valuestring)
            snprintf(num, sizeof num, "%.0f", v->valuedouble);
        const char *lex = v->valuestring ? v->valuestring : num;
        if (!int_of_str(r, lex, strlen(lex), ix)) {
            ix->digits = "0";
            ix->v = 0;
        }
    } else if (cJSON_IsNumber(v)) {
        double d = v->valuedouble;
        if (isnan(d))
            return SG_RULE_OK;
        if (isinf(d))
            return sg_result_raise(r, "cannot convert float infinity to integer");
        /* int(float) is exact: printf prints every digit of the double's value */
        d = trunc(d);
        char *buf = sg_arena_alloc(r->arena, 400); /* DBL_MAX has 309 digits */
        if (!buf)
            return SG_RULE_FATAL;
        snprintf(buf, 400, "%.0f", d);
        ix->digits = strcmp(buf, "-0") ? buf : "0";
        ix->v = d > 9e18 ? 9000000000000000000LL : d < -9e18 ? -9000000000000000000LL : (long long)d;
    } else if (sg_py_is_str(v)) {
        if (!int_of_str(r, v->valuestring, sg_py_strlen(v), ix)) {
            ix->digits = "0";
            ix->v = 0;
        }
    }
    return SG_RULE_OK;
}

/* glom(crash_data, "threads.%d" % n, default={}): a list is indexed (negatives from the
 * end), a dict looked up by the decimal string, anything else gives the default (NULL). */
static const cJSON *glom_thread(const cJSON *crash, const thread_ix *ix, int *is_default)
{
    const cJSON *threads = sg_py_dict_get(crash, "threads", 7);
    const cJSON *t = NULL;
    if (sg_py_is_list(threads)) {
        long long n = cJSON_GetArraySize(threads), i = ix->v;
        if (i < 0)
            i += n;
        if (i >= 0 && i < n)
            t = cJSON_GetArrayItem(threads, (int)i);
    } else if (sg_py_is_dict(threads)) {
        t = sg_py_dict_get(threads, ix->digits, strlen(ix->digits));
    }
    *is_default = t == NULL;
    return t;
}

int sg_csig_thread_get(sg_result *r, const cJSON *crash, const char *key, const cJSON **out)
{
    thread_ix ix;
    int dflt, rc = crashing_thread(r, crash, 0, &ix);
    *out = NULL;
    if (rc != SG_RULE_OK)
        return rc;
    const cJSON *t = glom_thread(crash, &ix, &dflt);
    if (t && (t->type & SG_CJSON_UNBUILT)) {
        r->need_threads = 1;
        return SG_RULE_RETRY;
    }
    if (dflt || !sg_py_truthy(t))
        return SG_RULE_OK;
    if (!sg_py_is_dict(t))
        return sg_result_raise(r, "'%s' object has no attribute 'get'", sg_py_type_name(t));
    *out = sg_py_dict_get(t, key, strlen(key));
    return SG_RULE_OK;
}

/* ---- create_frame_list -------------------------------------------------------------------- */

/* Python's exception for iterating a value that is not a list ("for x in v"). */
static int not_iterable(sg_result *r, const cJSON *v)
{
    return sg_result_raise(r, "'%s' object is not iterable", sg_py_type_name(v));
}

static int no_get(sg_result *r, const char *type)
{
    return sg_result_raise(r, "'%s' object has no attribute 'get'", type);
}

/* FILE_FUNCTION_TO_FUNCTION (rules.py): Rust 1.34 panic symbols that lost their module. */
#define MM(file, function, fixed) { file, function, fixed, sizeof file - 1, sizeof function - 1, sizeof fixed - 1 }
static const struct { const char *file, *function, *fixed; size_t nfile, nfunction, nfixed; } missing_module[] = {
    MM("src/liballoc/raw_vec.rs", "capacity_overflow", "alloc::raw_vec::capacity_overflow"),
    MM("src/libcore/option.rs", "expect_failed", "core::option::expect_failed"),
    MM("src/libcore/panicking.rs", "panic_bounds_check", "core::panicking::panic_bounds_check"),
    MM("src/libcore/panicking.rs", "panic_fmt", "core::panicking::panic_fmt"),
    MM("src/libcore/panicking.rs", "panic", "core::panicking::panic"),
    MM("src/libcore/slice/mod.rs", "slice_index_order_fail", "core::slice::slice_index_order_fail"),
    MM("src/libstd/panicking.rs", "begin_panic_fmt", "std::panicking::begin_panic_fmt"),
    MM("src/libstd/panicking.rs", "continue_panic_fmt", "std::panicking::continue_panic_fmt"),
    MM("src/libstd/panicking.rs", "rust_panic_with_hook", "std::panicking::rust_panic_with_hook"),
};
#undef MM

/* fix_missing_module on a str function and a truthy str file. The file is split only for
 * a function the table names (normalize_frame's own test for Rust splits it when it must). */
static void fix_missing_module(sg_frame_in *f)
{
    if (f->function.len > sizeof "slice_index_order_fail" - 1) /* the longest name there */
        return;
    const char *parsed = NULL;
    size_t pn = 0;
    int split = 0;
    for (size_t i = 0; i < sizeof missing_module / sizeof missing_module[0]; i++) {
        if (missing_module[i].nfunction != f->function.len ||
            memcmp(f->function.s, missing_module[i].function, f->function.len) != 0)
            continue;
        if (!split) {
            parsed = sg_parse_source_file(f->file.s, f->file.len, &pn);
            split = 1;
        }
        if (parsed && missing_module[i].nfile == pn &&
            memcmp(parsed, missing_module[i].file, pn) == 0) {
            f->function.s = missing_module[i].fixed;
            f->function.len = missing_module[i].nfixed;
            f->function.j = NULL;
        }
    }
}

/* fix_missing_module, then Windows lower-casing, then normalize_frame. */
static sg_pyexc one_frame(sg_result *r, sg_frame_in *f, int lower, sg_buf *lowered, sg_buf *out)
{
    /* parse_source_file(file) runs first: a truthy non-str file has no .split */
    if (sg_fv_truthy(&f->file) && !f->file.is_str) {
        r->exc = sg_result_fmt(r, "'%s' object has no attribute 'split'", sg_fv_type(&f->file));
        return SG_PY_ATTRIBUTEERROR;
    }
    /* Socorro quirk: (file, function) is hashed, so a list or dict function raises TypeError */
    if (f->function.j && (sg_py_is_list(f->function.j) || sg_py_is_dict(f->function.j))) {
        r->exc = sg_result_fmt(r, "unhashable type: '%s'", sg_fv_type(&f->function));
        return SG_PY_TYPEERROR;
    }
    if (f->function.is_str && sg_fv_truthy(&f->file))
        fix_missing_module(f);
    if (lower && sg_fv_truthy(&f->module)) {
        sg_fv_resolve(&f->module);
        if (!f->module.is_str) {
            r->exc = sg_result_fmt(r, "'%s' object has no attribute 'lower'", sg_fv_type(&f->module));
            return SG_PY_ATTRIBUTEERROR;
        }
        /* normalize_frame reads the module only without a function and without file and line */
        if (sg_fv_truthy(&f->function) || (sg_fv_truthy(&f->file) && sg_fv_truthy(&f->line)))
            return sg_normalize_frame(r, f, out);
        sg_buf_reset(lowered);
        for (size_t i = 0; i < f->module.len;) {
            uint32_t cp, lo[3];
            char enc[4], c = f->module.s[i];
            if (!(c & 0x80)) { /* ASCII, as nearly every module name is: no decoding */
                sg_buf_addc(lowered, c >= 'A' && c <= 'Z' ? (char)(c + 32) : c);
                i++;
                continue;
            }
            i += sg_utf8_decode(f->module.s + i, f->module.len - i, &cp);
            int k = sg_u_lower_cp(cp, lo);
            for (int j = 0; j < k; j++)
                sg_buf_add(lowered, enc, sg_utf8_encode(lo[j], enc));
        }
        f->module.s = sg_buf_cstr(lowered);
        f->module.len = lowered->len;
    }
    return sg_normalize_frame(r, f, out);
}


/* `for x in v: x.get(...)` over a truthy v: a list is fine (SG_PY_OK); iterating a str
 * gives characters and a dict its keys, str either way, which has no .get; anything else is
 * not iterable. */
static sg_pyexc dict_items_check(sg_result *r, const cJSON *v)
{
    if (sg_py_is_list(v))
        return SG_PY_OK;
    if (sg_py_is_str(v) || sg_py_is_dict(v)) {
        no_get(r, "str");
        return SG_PY_ATTRIBUTEERROR;
    }
    not_iterable(r, v);
    return SG_PY_TYPEERROR;
}

typedef struct framelist {
    sg_result *r;
    int lower;
    size_t max;
    sg_buf out, lowered; /* out: every normalized frame so far, each followed by a NUL */
    sg_strvec *list;
} framelist;

/* One item of frame_generator: the frame dict must have .get, then it is normalized onto
 * the end of fl->out; its list entry gets its place there once the list is complete. */
static sg_pyexc add_frame(framelist *fl, const cJSON *dict, sg_frame_in *f)
{
    if (!sg_py_is_dict(dict)) {
        no_get(fl->r, sg_py_type_name(dict));
        return SG_PY_ATTRIBUTEERROR;
    }
    size_t mark = fl->out.len;
    sg_pyexc exc = one_frame(fl->r, f, fl->lower, &fl->lowered, &fl->out);
    if (exc != SG_PY_OK) {
        fl->out.len = mark;
        return exc;
    }
    sg_strvec_add(fl->r, fl->list, (sg_str){ NULL, fl->out.len - mark });
    sg_buf_addc(&fl->out, 0);
    return exc;
}

/* Copies the frames fl->out holds into the arena at once and points the list at them. */
static void place_frames(framelist *fl)
{
    if (!fl->list->n || fl->out.failed)
        return;
    char *all = sg_arena_alloc(fl->r->arena, fl->out.len);
    if (!all) {
        fl->r->failed = 1;
        return;
    }
    memcpy(all, fl->out.p, fl->out.len);
    for (size_t i = 0; i < fl->list->n; i++) {
        fl->list->v[i].s = all;
        all += fl->list->v[i].len + 1;
    }
}

/* Builds the normalized frame list of a thread into *list. Returns the Python exception
 * class (SG_PY_OK when none). */
static sg_pyexc frame_list(sg_result *r, const cJSON *thread, int lower, size_t max, sg_strvec *list)
{
    if (!sg_py_is_dict(thread)) {
        r->exc = sg_result_fmt(r, "'%s' object has no attribute 'get'", sg_py_type_name(thread));
        return SG_PY_ATTRIBUTEERROR;
    }
    const cJSON *frames = sg_py_dict_get(thread, "frames", 6);
    if (!frames || max == 0)
        return SG_PY_OK;
    /* an empty list, str or dict iterates to nothing; None, 0, False are not iterable */
    if (!sg_py_truthy(frames) && (sg_py_is_list(frames) || sg_py_is_str(frames) || sg_py_is_dict(frames)))
        return SG_PY_OK;
    sg_pyexc exc = dict_items_check(r, frames);
    if (exc)
        return exc;
    framelist fl = { r, lower, max, { NULL, 0, 0, 0 }, { NULL, 0, 0, 0 }, list };
    sg_strvec_reserve(r, list, max < 64 ? max : 64); /* 40: MAXIMUM_FRAMES_TO_CONSIDER */
    sg_result_take(r, 4, &fl.out);
    sg_result_take(r, 5, &fl.lowered);
    const cJSON *frame;
    /* islice(frame_generator(frames), 40): nothing past the 40th item is ever looked at */
    cJSON_ArrayForEach(frame, frames) {
        if (list->n >= max || exc)
            break;
        if (!sg_py_is_dict(frame)) {
            exc = add_frame(&fl, frame, NULL);
            break;
        }
        const cJSON *ff[SG_F_N];
        sg_frame_fields(frame, ff);
        /* inlines come first, with the module and offsets of their frame */
        if (sg_py_truthy(ff[SG_F_INLINES]) && (exc = dict_items_check(r, ff[SG_F_INLINES])) == SG_PY_OK) {
            const cJSON *in;
            cJSON_ArrayForEach(in, ff[SG_F_INLINES]) {
                if (list->n >= max || exc)
                    break;
                sg_frame_in f = sg_frame_in_json(sg_py_is_dict(in) ? in : NULL);
                f.module = sg_fv_raw(ff[SG_F_MODULE]);
                f.module_offset = sg_fv_raw(ff[SG_F_MODULE_OFFSET]);
                f.offset = sg_fv_raw(ff[SG_F_OFFSET]);
                f.unloaded_modules = sg_fv_raw(NULL);
                exc = add_frame(&fl, in, &f);
            }
        }
        if (exc || list->n >= max)
            break;
        sg_frame_in f;
        sg_frame_in_fields(&f, ff);
        exc = add_frame(&fl, frame, &f);
    }
    if (fl.out.failed || fl.lowered.failed)
        r->failed = 1;
    place_frames(&fl);
    sg_result_give(r, 4, &fl.out);
    sg_result_give(r, 5, &fl.lowered);
    return exc;
}

/* ---- CSignatureTool.generate ---------------------------------------------------------- */

static int ieq_suffix(const char *s, size_t n, const char *suf)
{
    size_t k = strlen(suf);
    if (n < k)
        return 0;
    for (size_t i = 0; i < k; i++) {
        char c = s[n - k + i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c != suf[i])
            return 0;
    }
    return 1;
}

static int starts(const sg_str *s, const char *p)
{
    size_t k = strlen(p);
    return s->len >= k && memcmp(s->s, p, k) == 0;
}

/* A frame whose repeats are skipped: .dll/.so (any case), XUL, <name omitted>, <unknown in */
static int repeat_skippable(const sg_str *s)
{
    if (starts(s, "(unloaded"))
        return 0;
    return ieq_suffix(s->s, s->len, ".dll") || ieq_suffix(s->s, s->len, ".so") ||
           (s->len == 3 && memcmp(s->s, "XUL", 3) == 0) ||
           (s->len == 14 && memcmp(s->s, "<name omitted>", 14) == 0) || starts(s, "<unknown in");
}

static int same(const sg_str *a, const sg_str *b)
{
    return a->len == b->len && memcmp(a->s, b->s, a->len) == 0;
}

static int same(const sg_str *a, const sg_str *b);

/* Conditional sentinels (Socorro: a (sentinel, condition) tuple in its sentinel list; the
 * pinned lists have none): the sentinel counts only when its `when` frame is in the stack. */
static int cond_sentinel_at(const sg_strvec *all, size_t i, const sg_cond_sentinel *cond, size_t ncond)
{
    for (size_t c = 0; c < ncond; c++) {
        if (!same(&all->v[i], &cond[c].sentinel))
            continue;
        for (size_t j = 0; j < all->n; j++)
            if (same(&all->v[j], &cond[c].when))
                return 1;
    }
    return 0;
}

sg_str sg_csig_walk(sg_result *r, const char *rule, const sg_strvec *all, const char *thread,
                    const sg_cond_sentinel *cond, size_t ncond)
{
    sg_result_debug(r, rule, "using included signature lists");
    size_t first = 0;
    /* the earliest frame equal to any sentinel (list.index of each, then min) */
    for (; first < all->n; first++)
        if (sg_is_sentinel(all->v[first].s, all->v[first].len) ||
            (ncond && cond_sentinel_at(all, first, cond, ncond)))
            break;
    if (first < all->n)
        sg_result_debug(r, rule, "sentinel; starting at \"%S\" index %zu", &all->v[first], first);
    else
        first = 0;
    const sg_str *src = all->n ? all->v + first : NULL;
    size_t nsrc = all->n - first, nkept = 0;
    const sg_str *last = NULL;
    sg_buf sig;
    sg_result_take(r, 3, &sig); /* a scratch buffer: no malloc per crash */
    for (size_t i = 0; i < nsrc; i++) {
        const sg_str *f = &src[i];
        if (!f->len) {
            sg_result_debug(r, rule, "empty string; ignoring: \"%S\"", f);
            continue;
        }
        if (sg_match_irrelevant(f->s, f->len)) {
            sg_result_debug(r, rule, "irrelevant; ignoring: \"%S\"", f);
            continue;
        }
        if (repeat_skippable(f) && last && same(f, last))
            continue;
        if (nkept++)
            sg_buf_add(&sig, " | ", 3);
        sg_buf_add(&sig, f->s, f->len);
        last = f;
        if (!sg_match_prefix(f->s, f->len)) {
            sg_result_debug(r, rule, "not a prefix; stop: \"%S\"", f);
            break;
        }
        sg_result_debug(r, rule, "prefix; continue iterating: \"%S\"", f);
    }
    sg_str out = sg_str_copy(r, sig.p ? sig.p : "", sig.len);
    if (sig.failed)
        r->failed = 1;
    sg_result_give(r, 3, &sig);
    if (out.len == 0 && !thread) {
        /* only callers of the walk itself can have no crashing thread: the rule always has one */
        sg_result_info(r, rule, "CSignatureTool: no crashing thread identified");
        out = sg_str_copy(r, "EMPTY: no crashing thread identified", 36);
    } else if (out.len == 0) {
        sg_result_info(r, rule, "CSignatureTool: no frame data for crashing thread (%s)", thread);
        if (nsrc)
            out = src[0]; /* probably all irrelevant: the first frame */
        else
            out = sg_str_copy(r, "EMPTY: no frame data available", 30);
    }
    return out;
}

/* ---- SignatureGenerationRule, C part -------------------------------------------------- */

/* " | ".join(frames), written once into the arena at its final size. */
static sg_str joined(sg_result *r, const sg_strvec *frames)
{
    size_t n = 3 * (frames->n - 1);
    for (size_t i = 0; i < frames->n; i++)
        n += frames->v[i].len;
    char *p = sg_arena_alloc(r->arena, n + 1);
    sg_str out = { p, n };
    if (!p) {
        r->failed = 1;
        return (sg_str){ NULL, 0 };
    }
    for (size_t i = 0; i < frames->n; i++) {
        if (i) {
            memcpy(p, " | ", 3);
            p += 3;
        }
        memcpy(p, frames->v[i].s, frames->v[i].len);
        p += frames->v[i].len;
    }
    *p = 0;
    return out;
}

int sg_csig_rule(sg_result *r, const char *rule, const cJSON *crash, int thread0, size_t max_frames,
                 const sg_cond_sentinel *cond, size_t ncond)
{
    thread_ix ix;
    int rc = crashing_thread(r, crash, thread0, &ix);
    if (rc != SG_RULE_OK)
        return rc;
    int dflt;
    const cJSON *thread = glom_thread(crash, &ix, &dflt);
    if (thread && (thread->type & SG_CJSON_UNBUILT)) {
        r->need_threads = 1; /* thread 0 for SignatureRunWatchDog: ask for it built */
        return SG_RULE_RETRY;
    }
    const cJSON *os = sg_py_dict_get(crash, "os", 2);
    int lower = os && sg_py_is_str(os) && sg_py_strlen(os) == 10 &&
                memcmp(os->valuestring, "Windows NT", 10) == 0;
    sg_strvec list = { NULL, 0, 0 };
    sg_pyexc exc = dflt ? SG_PY_OK : frame_list(r, thread, lower, max_frames, &list);
    if (r->failed)
        return SG_RULE_FATAL;
    if (exc == SG_PY_KEYERROR || exc == SG_PY_INDEXERROR)
        /* Socorro quirk: the except branch calls result.note(), which does not exist */
        return sg_result_raise(r, "'Result' object has no attribute 'note'");
    if (exc != SG_PY_OK)
        return SG_RULE_RAISED;
    sg_str sig = sg_csig_walk(r, rule, &list, ix.digits, cond, ncond);
    if (list.n) {
        r->proto_signature = joined(r, &list);
        r->normalized_frames = list;
        r->has_frames = 1;
    }
    if (sig.len)
        sg_result_set_signature(r, rule, sig);
    return r->failed ? SG_RULE_FATAL : SG_RULE_OK;
}

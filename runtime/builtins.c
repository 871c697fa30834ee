/* builtins.c — the built-in functions rule programs CALL (opcodes.h SG_BUILTINS): Python's
 * int/str/len and string methods with Python's exceptions, and the entry points to the
 * stack walk and the Java tools. Runtime stage. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__) && defined(__GNUC__) && !defined(SG_NO_SIMD)
#include <emmintrin.h>
#endif

#include "csig.h"
#include "java.h"
#include "json_read.h"
#include "pyval.h"
#include "unicode.h"
#include "vm.h"

#define EXC_OTHER 128 /* raised by a tool; no TRY in pipeline.rules catches it */

static vval none(void)
{
    vval v = { V_NONE, 0, NULL, 0, NULL, NULL };
    return v;
}

static vval boolean(int b)
{
    vval v = { V_BOOL, b, NULL, 0, NULL, NULL };
    return v;
}

static int need_str(vm *m, const vval *v, const char *method)
{
    if (v->t == V_STR)
        return SG_RULE_OK;
    return vm_raise(m, EXC_AttributeError, "'%s' object has no attribute '%s'", vm_type_name(v),
                    method);
}

static int new_str(vm *m, const char *s, size_t len, vval *out)
{
    sg_str c = sg_str_copy(m->r, s, len);
    if (!c.s)
        return SG_RULE_FATAL;
    *out = vm_str_value(c.s, c.len);
    return SG_RULE_OK;
}

/* Byte offset of the first n code points of s. */
static size_t cp_prefix(const char *s, size_t len, size_t n)
{
    size_t i = 0;
    while (i < len && n > 0) {
        uint32_t cp;
        i += sg_utf8_decode(s + i, len - i, &cp);
        n--;
    }
    return i;
}

/* Code points in s: the bytes that do not continue a UTF-8 sequence. */
static size_t cp_count(const char *s, size_t len)
{
    size_t n = 0, i = 0;
#if defined(__SSE2__) && defined(__GNUC__) && !defined(SG_NO_SIMD)
    /* signed, the continuation bytes 0x80..0xBF are the ones below -64 */
    for (; len - i >= 16; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        n += 16 - (size_t)__builtin_popcount((unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(v, _mm_set1_epi8(-64))));
    }
#endif
    for (; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

/* How many bytes of s come before the first that is not printable ASCII (0x20..0x7E). */
static size_t printable_run(const char *s, size_t len)
{
    size_t i = 0;
#if defined(__SSE2__) && defined(__GNUC__) && !defined(SG_NO_SIMD)
    /* signed, every byte outside 0x20..0x7E is below 0x20 once 0x7F..0xFF are moved down */
    for (; len - i >= 16; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        __m128i bad = _mm_or_si128(_mm_cmplt_epi8(v, _mm_set1_epi8(0x20)), _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F)));
        unsigned m = (unsigned)_mm_movemask_epi8(bad);
        if (m)
            return i + (size_t)__builtin_ctz(m);
    }
#endif
    while (i < len && (unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7F)
        i++;
    return i;
}

/* Python int(): str (whitespace, sign, Unicode digits, single underscores), numbers, bool. */
static int py_int(vm *m, const vval *v, vval *out)
{
    out->t = V_INT;
    if (v->t == V_INT || v->t == V_BOOL) {
        out->i = v->i;
        return SG_RULE_OK;
    }
    if (v->t == V_JSON && cJSON_IsNumber(v->j)) {
        double d = v->j->valuedouble;
        if (isnan(d))
            return vm_raise(m, EXC_ValueError, "cannot convert float NaN to integer");
        if (isinf(d))
            return vm_raise(m, EXC_OverflowError, "cannot convert float infinity to integer");
        /* big ints saturate: the rules only compare them */
        out->i = d >= 9.2e18 ? (long long)9.2e18 : d <= -9.2e18 ? (long long)-9.2e18 : (long long)d;
        return SG_RULE_OK;
    }
    if (v->t != V_STR)
        return vm_raise(m, EXC_TypeError,
                        "int() argument must be a string, a bytes-like object or a real number, "
                        "not '%s'", vm_type_name(v));
    long long n = 0;
    int ok = sg_py_int_parse(v->s, v->len, NULL, &n);
    if (!ok) {
        sg_buf b;
        sg_buf_init(&b);
        sg_py_repr_str(&b, v->s, v->len);
        sg_str rep = { b.p ? b.p : "''", b.p ? b.len : 2 };
        int rc = vm_raise(m, EXC_ValueError, "invalid literal for int() with base 10: %S", &rep);
        sg_buf_free(&b);
        return rc;
    }
    out->i = n;
    return SG_RULE_OK;
}

static int py_len(vm *m, const vval *v, vval *out)
{
    out->t = V_INT;
    if (v->t == V_STR)
        out->i = (long long)cp_count(v->s, v->len);
    else if (v->t == V_LIST)
        out->i = (long long)v->len;
    else if (v->t == V_JSON && (sg_py_is_list(v->j) || sg_py_is_dict(v->j)))
        out->i = cJSON_GetArraySize(v->j);
    else
        return vm_raise(m, EXC_TypeError, "object of type '%s' has no len()", vm_type_name(v));
    return SG_RULE_OK;
}

/* x[:n] */
static int py_slice(vm *m, const vval *x, long long n, vval *out)
{
    if (x->t == V_STR) {
        *out = vm_str_value(x->s, cp_prefix(x->s, x->len, (size_t)n));
        return SG_RULE_OK;
    }
    if (x->t == V_JSON && sg_py_is_list(x->j)) {
        size_t count = (size_t)cJSON_GetArraySize(x->j), k = count < (size_t)n ? count : (size_t)n;
        vval *items = sg_arena_alloc(m->r->arena, (k ? k : 1) * sizeof *items);
        if (!items)
            return SG_RULE_FATAL;
        const cJSON *c = x->j->child;
        for (size_t i = 0; i < k; i++, c = c->next)
            items[i] = vm_from_json(c);
        out->t = V_LIST;
        out->items = items;
        out->len = k;
        return SG_RULE_OK;
    }
    if (x->t == V_JSON && sg_py_is_dict(x->j))
        return vm_raise(m, EXC_TypeError, "unhashable type: 'slice'");
    return vm_raise(m, EXC_TypeError, "'%s' object is not subscriptable", vm_type_name(x));
}

/* utils.drop_bad_characters: keeps elements that equal one of chr(32)..chr(126). */
static int drop_bad(vm *m, const vval *v, vval *out)
{
    sg_buf b;
    sg_buf_init(&b);
    if (v->t == V_STR) {
        for (size_t i = 0; i < v->len; i++)
            if (v->s[i] >= 32 && v->s[i] < 127)
                sg_buf_addc(&b, v->s[i]);
    } else if (v->t == V_JSON && (sg_py_is_list(v->j) || sg_py_is_dict(v->j))) {
        /* iterating a list gives its items, a dict its keys */
        const cJSON *c;
        cJSON_ArrayForEach(c, v->j) {
            const char *s = sg_py_is_dict(v->j) ? c->string : sg_py_is_str(c) ? c->valuestring : NULL;
            size_t len = sg_py_is_dict(v->j) ? strlen(s) : s ? sg_py_strlen(c) : 0;
            if (s && len == 1 && s[0] >= 32 && s[0] < 127)
                sg_buf_addc(&b, s[0]);
        }
    } else {
        sg_buf_free(&b);
        return vm_raise(m, EXC_TypeError, "'%s' object is not iterable", vm_type_name(v));
    }
    int rc = b.failed ? SG_RULE_FATAL : new_str(m, b.p ? b.p : "", b.len, out);
    sg_buf_free(&b);
    return rc;
}

static int printable_or_space(vm *m, const vval *v, int whitespace_mode, vval *out)
{
    const char *s = v->s;
    size_t len = v->len;
    sg_u_strip(&s, &len);
    /* printable ASCII without two spaces in a row (nearly every signature) comes out as it
     * is in both modes: the stripped string itself, no copy */
    if (printable_run(s, len) == len) {
        const char *sp = whitespace_mode && len ? memchr(s, ' ', len) : NULL;
        while (sp && sp[1] != ' ') /* never past the end: the stripped string ends in no space */
            sp = memchr(sp + 1, ' ', len - (size_t)(sp + 1 - s));
        if (!sp) {
            *out = vm_str_value(len ? s : "", len);
            return SG_RULE_OK;
        }
    }
    sg_buf b;
    sg_buf_init(&b);
    for (size_t i = 0; i < len;) {
        size_t run = i; /* ASCII other than space and controls stays as it is in both modes */
        while (run < len && (unsigned char)s[run] > 0x20 && (unsigned char)s[run] < 0x7F)
            run++;
        if (run > i) {
            sg_buf_add(&b, s + i, run - i);
            i = run;
            continue;
        }
        uint32_t cp = (unsigned char)s[i];
        size_t k = cp < 0x80 ? 1 : sg_utf8_decode(s + i, len - i, &cp); /* ASCII: itself */
        if (!whitespace_mode) {
            /* c.isascii() and c.isprintable() */
            if (cp >= 0x20 && cp < 0x7F)
                sg_buf_addc(&b, (char)cp);
        } else if (sg_u_isspace(cp)) {
            /* \s -> " ", then \s\s+ -> " " */
            if (!b.len || b.p[b.len - 1] != ' ')
                sg_buf_addc(&b, ' ');
        } else {
            sg_buf_add(&b, s + i, k);
        }
        i += k;
    }
    int rc = b.failed ? SG_RULE_FATAL : new_str(m, b.p ? b.p : "", b.len, out);
    sg_buf_free(&b);
    return rc;
}

static int json_loads(vm *m, const vval *v, vval *out)
{
    if (v->t != V_STR)
        return vm_raise(m, EXC_TypeError, "the JSON object must be str, bytes or bytearray, not %s",
                        vm_type_name(v));
    if (v->len >= 3 && memcmp(v->s, "\xEF\xBB\xBF", 3) == 0)
        return vm_raise(m, EXC_ValueError,
                        "Unexpected UTF-8 BOM (decode using utf-8-sig): line 1 column 1 (char 0)");
    if (m->nowned == (int)(sizeof m->owned / sizeof m->owned[0]))
        return vm_raise(m, EXC_RecursionError, "too many json_loads in one run");
    sg_error err;
    cJSON *tree = sg_json_parse(v->s, v->len, NULL, &err);
    if (!tree) {
        if (err.code == SG_ENOMEM)
            return SG_RULE_FATAL;
        if (err.code == SG_ELIMIT)
            return vm_raise(m, EXC_RecursionError,
                            "maximum recursion depth exceeded while decoding a JSON document");
        return vm_raise(m, EXC_ValueError, "%s", err.msg);
    }
    m->owned[m->nowned++] = tree;
    *out = vm_from_json(tree);
    return SG_RULE_OK;
}

static int need_dict_get(vm *m, const vval *v)
{
    if (v->t == V_JSON && sg_py_is_dict(v->j))
        return SG_RULE_OK;
    return vm_raise(m, EXC_AttributeError, "'%s' object has no attribute 'get'", vm_type_name(v));
}

static int shutdown_phase(vm *m, const vval *data, const vval *unknown, vval *out)
{
    int rc = need_dict_get(m, data);
    if (rc != SG_RULE_OK)
        return rc;
    const cJSON *phase = sg_py_dict_get(data->j, "phase", 5);
    *out = phase && sg_py_is_str(phase) ? vm_from_json(phase) : *unknown;
    return SG_RULE_OK;
}

static int cmp_str(const void *a, const void *b)
{
    const sg_str *x = a, *y = b;
    size_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->s, y->s, n);
    return c ? c : (x->len > y->len) - (x->len < y->len);
}

static int shutdown_conditions(vm *m, const vval *data, const vval *none_text, vval *out)
{
    int rc = need_dict_get(m, data);
    if (rc != SG_RULE_OK)
        return rc;
    vval conds = vm_from_json(sg_py_dict_get(data->j, "conditions", 10));
    if (!vm_truthy(&conds)) {
        *out = *none_text;
        return SG_RULE_OK;
    }
    size_t n = conds.t == V_STR ? cp_count(conds.s, conds.len)
               : conds.t == V_JSON && (sg_py_is_list(conds.j) || sg_py_is_dict(conds.j))
                   ? (size_t)cJSON_GetArraySize(conds.j)
                   : 0;
    if (conds.t != V_STR && n == 0)
        return vm_raise(m, EXC_TypeError, "'%s' object is not iterable", vm_type_name(&conds));
    sg_str *parts = sg_arena_alloc(m->r->arena, n * sizeof *parts);
    if (!parts)
        return SG_RULE_FATAL;
    if (conds.t == V_STR) {
        /* iterating a str gives its characters */
        for (size_t i = 0, k = 0; k < n; k++) {
            size_t w = cp_prefix(conds.s + i, conds.len - i, 1);
            parts[k].s = conds.s + i;
            parts[k].len = w;
            i += w;
        }
    } else {
        size_t k = 0;
        const cJSON *c;
        cJSON_ArrayForEach(c, conds.j) {
            vval e;
            if (sg_py_is_dict(conds.j)) {
                sg_buf key;
                sg_buf_init(&key);
                size_t kn;
                const char *ks = sg_py_key(c, &key, &kn);
                /* a decoded key must outlive key; the others stay in the tree */
                sg_str name = ks == c->string ? (sg_str){ ks, kn } : sg_str_copy(m->r, ks, kn);
                sg_buf_free(&key);
                if (!name.s)
                    return SG_RULE_FATAL;
                e = vm_str_value(name.s, name.len);
            } else if (sg_py_is_dict(c)) {
                const cJSON *name = sg_py_dict_get(c, "name", 4);
                if (!name)
                    return vm_raise(m, EXC_KeyError, "'name'");
                e = vm_from_json(name);
            } else {
                e = vm_from_json(c);
            }
            if (vm_to_str(m, &e, &parts[k++]) != SG_RULE_OK)
                return SG_RULE_FATAL;
        }
    }
    qsort(parts, n, sizeof *parts, cmp_str);
    sg_buf b;
    sg_buf_init(&b);
    for (size_t k = 0; k < n; k++) {
        if (k)
            sg_buf_addc(&b, ',');
        sg_buf_add(&b, parts[k].s, parts[k].len);
    }
    rc = b.failed ? SG_RULE_FATAL : new_str(m, b.p ? b.p : "", b.len, out);
    sg_buf_free(&b);
    return rc;
}

/* A Java tool's outcome, logged the way SignatureGenerationRule logs it. */
static int java(vm *m, int exception_tool, const vval *source)
{
    sg_str sig = { "", 0 };
    sg_strvec notes = { NULL, 0, 0 }, debug = { NULL, 0, 0 };
    int rc = exception_tool ? sg_java_exception_signature(m->r, source->j, &sig, &notes, &debug)
                            : sg_java_stack_signature(m->r, source->j, &sig, &notes, &debug);
    if (rc != SG_RULE_OK) {
        m->exc = EXC_OTHER;
        return rc;
    }
    for (size_t i = 0; i < notes.n; i++)
        sg_result_info(m->r, m->logname, "%S", &notes.v[i]);
    for (size_t i = 0; i < debug.n; i++)
        sg_result_debug(m->r, m->logname, "%S", &debug.v[i]);
    sg_result_set_signature(m->r, m->logname, sig);
    return m->r->failed ? SG_RULE_FATAL : SG_RULE_OK;
}

/* c_signature(max_frames, thread0, [[sentinel, when], ...]) */
static int c_signature(vm *m, const vval *max, const vval *thread0, const vval *conds)
{
    sg_cond_sentinel cs[32];
    size_t n = 0;
    for (size_t i = 0; conds->t == V_LIST && i < conds->len && n < 32; i++) {
        const vval *pair = &conds->items[i];
        if (pair->t != V_LIST || pair->len != 2 || pair->items[0].t != V_STR || pair->items[1].t != V_STR)
            return vm_raise(m, EXC_TypeError, "a conditional sentinel is [\"sentinel\", \"frame\"]");
        cs[n].sentinel = (sg_str){ pair->items[0].s, pair->items[0].len };
        cs[n++].when = (sg_str){ pair->items[1].s, pair->items[1].len };
    }
    int rc = sg_csig_rule(m->r, m->logname, m->crash, vm_truthy(thread0), (size_t)max->i, cs, n);
    if (rc == SG_RULE_RAISED)
        m->exc = EXC_OTHER;
    return rc;
}

int sg_builtin_call(vm *m, sg_builtin b, const vval *args, int argc, vval *out)
{
    const vval *x = &args[0], *y = &args[1];
    const char *found;
    int rc = SG_RULE_OK, res = 0;
    (void)argc;
    *out = none();
    switch (b) {
    case SG_BI_c_signature:
        return c_signature(m, x, y, &args[2]);
    case SG_BI_java_stack: return java(m, 0, x);
    case SG_BI_java_exception: return java(m, 1, x);
    case SG_BI_crashing_thread_get: {
        const cJSON *v = NULL;
        char key[64];
        size_t n = x->len < sizeof key - 1 ? x->len : sizeof key - 1;
        memcpy(key, x->s, n);
        key[n] = 0;
        rc = sg_csig_thread_get(m->r, m->crash, key, &v);
        if (rc == SG_RULE_RAISED)
            m->exc = EXC_OTHER;
        *out = v ? vm_from_json(v) : *y;
        return rc;
    }
    case SG_BI_int: return py_int(m, x, out);
    case SG_BI_str: {
        sg_str s;
        rc = vm_to_str(m, x, &s);
        *out = vm_str_value(s.s, s.len);
        return rc;
    }
    case SG_BI_len: return py_len(m, x, out);
    case SG_BI_any_in:
        for (size_t i = 0; i < x->len && !res && rc == SG_RULE_OK; i++)
            rc = vm_in(m, &x->items[i], y, &res);
        *out = boolean(res);
        return rc;
    case SG_BI_split_after:
    case SG_BI_split_before:
        if ((rc = need_str(m, x, "split")) != SG_RULE_OK)
            return rc;
        found = NULL;
        for (size_t i = 0; y->len && i + y->len <= x->len && !found; i++)
            if (memcmp(x->s + i, y->s, y->len) == 0)
                found = x->s + i;
        if (b == SG_BI_split_before) {
            *out = vm_str_value(x->s, found ? (size_t)(found - x->s) : x->len);
            return SG_RULE_OK;
        }
        if (!found)
            return vm_raise(m, EXC_IndexError, "list index out of range");
        *out = vm_str_value(found + y->len, x->len - (size_t)(found - x->s) - y->len);
        return SG_RULE_OK;
    case SG_BI_cut_parens: {
        if ((rc = need_str(m, x, "find")) != SG_RULE_OK)
            return rc;
        const char *open = memchr(x->s, '(', x->len), *close = NULL;
        for (size_t i = x->len; open && i > 0 && !close; i--)
            if (x->s[i - 1] == ')')
                close = x->s + i - 1;
        *out = *x;
        if (!open || !close)
            return SG_RULE_OK;
        /* s[:open] + s[close + 1:], even when close comes before open */
        size_t head = (size_t)(open - x->s), tail = x->len - (size_t)(close + 1 - x->s);
        char *p = sg_arena_alloc(m->r->arena, head + tail + 1);
        if (!p)
            return SG_RULE_FATAL;
        memcpy(p, x->s, head);
        memcpy(p + head, close + 1, tail);
        p[head + tail] = 0;
        *out = vm_str_value(p, head + tail);
        return SG_RULE_OK;
    }
    case SG_BI_drop_bad_characters: return drop_bad(m, x, out);
    case SG_BI_strip:
        if ((rc = need_str(m, x, "strip")) != SG_RULE_OK)
            return rc;
        *out = *x;
        sg_u_strip(&out->s, &out->len);
        return SG_RULE_OK;
    case SG_BI_startswith:
        if ((rc = need_str(m, x, "startswith")) != SG_RULE_OK)
            return rc;
        *out = boolean(y->t == V_STR && x->len >= y->len && memcmp(x->s, y->s, y->len) == 0);
        return SG_RULE_OK;
    case SG_BI_slice: return py_slice(m, x, y->i, out);
    case SG_BI_ellipsize:
        if ((rc = need_str(m, x, "strip")) != SG_RULE_OK)
            return rc;
        if (cp_count(x->s, x->len) <= (size_t)y->i) {
            *out = *x;
            return SG_RULE_OK;
        } else {
            size_t keep = cp_prefix(x->s, x->len, (size_t)(y->i > 3 ? y->i - 3 : 0));
            vval head = vm_str_value(x->s, keep), dots = vm_str_value("...", 3);
            sg_buf buf;
            sg_buf_init(&buf);
            sg_buf_add(&buf, head.s, head.len);
            sg_buf_add(&buf, dots.s, dots.len);
            rc = buf.failed ? SG_RULE_FATAL : new_str(m, buf.p, buf.len, out);
            sg_buf_free(&buf);
            return rc;
        }
    case SG_BI_printable_ascii:
    case SG_BI_fix_whitespace:
        if ((rc = need_str(m, x, "strip")) != SG_RULE_OK)
            return rc;
        return printable_or_space(m, x, b == SG_BI_fix_whitespace, out);
    case SG_BI_json_loads: return json_loads(m, x, out);
    case SG_BI_shutdown_phase: return shutdown_phase(m, x, y, out);
    case SG_BI_shutdown_conditions: return shutdown_conditions(m, x, y, out);
    case SG_BI_log_as:
        m->logname = x->t == V_STR ? x->s : m->rule;
        return SG_RULE_OK;
    case SG_BI__COUNT: break;
    }
    return vm_raise(m, EXC_TypeError, "unknown built-in");
}

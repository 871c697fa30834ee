/* normalize.c — Socorro's CSignatureTool.normalize_frame and its C/C++ and Rust function
 * rules (rules.py, utils.py), byte for byte, Python exceptions included. Runtime stage.
 * Strings are WTF-8; every delimiter involved is ASCII, so byte offsets stand in for
 * Python's code-point offsets. */
#include "normalize.h"

#include <stdio.h>
#include <string.h>

#include "matchers.h"
#include "pyval.h"
#include "unicode.h"

const char *const sg_pyexc_name[] = { "", "TypeError", "AttributeError", "IndexError",
                                       "KeyError" };

sg_fv sg_fv_json(const cJSON *j)
{
    sg_fv v = { j, NULL, 0, 0 };
    if (j && cJSON_IsString(j)) {
        v.s = j->valuestring;
        v.len = sg_py_strlen(j);
        v.is_str = 1;
    }
    return v;
}

int sg_fv_truthy(const sg_fv *v) { return v->is_str ? v->len > 0 : sg_py_truthy(v->j); }

const char *sg_fv_type(const sg_fv *v) { return v->is_str ? "str" : sg_py_type_name(v->j); }

void sg_fv_str(sg_buf *b, const sg_fv *v)
{
    if (v->is_str)
        sg_buf_add(b, v->s, v->len);
    else
        sg_py_str(b, v->j);
}

static sg_pyexc raise(sg_result *r, sg_pyexc cls, const char *fmt, const char *arg)
{
    r->exc = sg_result_fmt(r, fmt, arg);
    return cls;
}

/* ---- small string helpers (a string is a (p, n) slice) ------------------------------------ */

static int ends_with(const char *s, size_t n, const char *suf)
{
    size_t k = strlen(suf);
    return n >= k && memcmp(s + n - k, suf, k) == 0;
}

static int contains(const char *s, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; i + k <= n; i++)
        if (memcmp(s + i, needle, k) == 0)
            return 1;
    return 0;
}

/* ---- utils.drop_prefix_and_return_type ---------------------------------------------------- */

static char closer(char c)
{
    switch (c) {
    case '(': return ')';
    case '{': return '}';
    case '[': return ']';
    case '<': return '>';
    case '`': return '\'';
    }
    return 0;
}

static int is_closer(char c) { return c == ')' || c == '}' || c == ']' || c == '>' || c == '\''; }

/* Returns 1, 0 (IndexError in Python: no token at all) or -1 (out of memory). Tokens are
 * split on spaces outside () {} [] <> `'; only the last ones matter, so only the spaces'
 * positions are kept. */
static int drop_prefix_and_return_type(sg_result *r, const char *f, size_t n, sg_buf *out)
{
    sg_buf levels, spaces; /* open delimiters; offsets of level-0 spaces (size_t each) */
    sg_result_take(r, 2, &levels);
    sg_result_take(r, 3, &spaces);
    for (size_t i = 0; i < n; i++) {
        char c = f[i];
        if (closer(c)) {
            sg_buf_addc(&levels, c);
        } else if (is_closer(c)) {
            if (levels.len && closer(levels.p[levels.len - 1]) == c)
                levels.len--;
        } else if (!levels.len && c == ' ') {
            sg_buf_add(&spaces, (const char *)&i, sizeof i);
        }
    }
    int rc = levels.failed || spaces.failed ? -1 : 1;
    size_t nsp = spaces.len / sizeof(size_t);
    size_t *sp = (size_t *)(void *)spaces.p;
    /* token k spans (sp[k-1]+1 .. sp[k]); the last one runs to n but only exists when it is
     * not empty (Python appends `current` only when non-empty) */
    size_t end = n, start = nsp ? sp[nsp - 1] + 1 : 0;
    size_t ntok = nsp + 1;
    if (start == n) {
        ntok--;
        if (ntok == 0)
            rc = rc < 0 ? rc : 0;
        else {
            end = sp[nsp - 1];
            start = nsp >= 2 ? sp[nsp - 2] + 1 : 0;
        }
    }
    if (rc == 1) {
        /* "name (args)" and "name(args) [clone .cold.1]": rejoin the tail with its head */
        size_t k = ntok - 1; /* index of the token [start, end) */
        while (k > 0 && (f[start] == '(' ||
                         (end - start >= 6 && memcmp(f + start, "[clone", 6) == 0))) {
            k--;
            start = k ? sp[k - 1] + 1 : 0;
        }
        sg_buf_add(out, f + start, end - start);
    }
    sg_result_give(r, 2, &levels);
    sg_result_give(r, 3, &spaces);
    return rc;
}

/* ---- utils.replace_enclosed_slices ----------------------------------------------------- */

typedef enum { RP_TYPES, RP_ARGS, RP_RUST_TYPES, RP_EMPTY } rp_mode;

static void collapse(const char *s, size_t n, char open, char close, rp_mode mode, sg_buf *out);

/* The replacement for one enclosed slice; `before` is the text since the previous slice. */
static void replacement(const char *before, size_t bn, const char *in, size_t inn, rp_mode mode,
                        sg_buf *out)
{
    switch (mode) {
    case RP_TYPES:
        /* Socorro's exceptions: <name omitted>, " as ", " in " (bug 1685178), operator<> */
        if ((inn == 14 && memcmp(in, "<name omitted>", 14) == 0) || contains(in, inn, " as ") ||
            contains(in, inn, " in ") || ends_with(before, bn, "operator")) {
            sg_buf_add(out, in, inn);
        } else if (ends_with(before, bn, "IPC::ParamTraits")) {
            /* inside[1:-1] collapsed again, even when the slice was left unclosed: then the
             * last character may take several bytes */
            size_t last = inn - 1;
            while (last > 1 && ((unsigned char)in[last] & 0xC0) == 0x80)
                last--;
            sg_buf_addc(out, '<');
            if (inn >= 2)
                collapse(in + 1, last - 1, '<', '>', RP_TYPES, out);
            sg_buf_addc(out, '>');
        } else {
            sg_buf_add(out, "<T>", 3);
        }
        break;
    case RP_ARGS:
        if ((inn == 21 && memcmp(in, "(anonymous namespace)", 21) == 0) ||
            ends_with(before, bn, "operator"))
            sg_buf_add(out, in, inn);
        break;
    case RP_RUST_TYPES:
        if (contains(in, inn, " as "))
            sg_buf_add(out, in, inn);
        else
            sg_buf_add(out, "<T>", 3);
        break;
    case RP_EMPTY: break;
    }
}

static void collapse(const char *s, size_t n, char open, char close, rp_mode mode, sg_buf *out)
{
    size_t level = 0, start = 0, prev_end = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == open) {
            if (level == 0)
                start = i;
            level++;
        } else if (s[i] == close && level > 0) {
            if (--level == 0) {
                sg_buf_add(out, s + prev_end, start - prev_end);
                replacement(s + prev_end, start - prev_end, s + start, i + 1 - start, mode, out);
                prev_end = i + 1;
            }
        }
    }
    /* an unclosed slice runs to the end of the string */
    if (level) {
        sg_buf_add(out, s + prev_end, start - prev_end);
        replacement(s + prev_end, start - prev_end, s + start, n - start, mode, out);
        prev_end = n;
    }
    sg_buf_add(out, s + prev_end, n - prev_end);
}

/* ---- the regex fix-ups of CSignatureTool, by hand ------------------------------------- */

/* fixup_lambda_numbers: re.sub(r"::\$_\d+::", "::$::") with Unicode \d. */
static void fix_lambdas(const char *s, size_t n, sg_buf *out)
{
    size_t i = 0;
    if (!memchr(s, '$', n)) {
        sg_buf_add(out, s, n);
        return;
    }
    while (i < n) {
        if (i + 4 <= n && memcmp(s + i, "::$_", 4) == 0) {
            size_t j = i + 4, digits = 0;
            uint32_t cp;
            while (j < n) {
                size_t k = sg_utf8_decode(s + j, n - j, &cp);
                if (sg_u_decimal_value(cp) < 0)
                    break;
                j += k;
                digits++;
            }
            if (digits && j + 2 <= n && s[j] == ':' && s[j + 1] == ':') {
                sg_buf_add(out, "::$::", 5);
                i = j + 2;
                continue;
            }
        }
        sg_buf_addc(out, s[i++]);
    }
}

/* fixup_space ` (?=[\*&,])` -> "", then fixup_comma `,(?! )` -> ", " */
static void fix_space_comma(const char *s, size_t n, sg_buf *out)
{
    for (size_t i = 0; i < n; i++) {
        size_t run = 0;
        while (i + run < n && s[i + run] != ' ' && s[i + run] != ',')
            run++;
        if (run) {
            sg_buf_add(out, s + i, run);
            i += run - 1;
            continue;
        }
        if (s[i] == ' ' && i + 1 < n && (s[i + 1] == '*' || s[i + 1] == '&' || s[i + 1] == ','))
            continue;
        sg_buf_addc(out, s[i]);
        if (s[i] == ',') {
            /* the next kept character decides: a removed space before '*' doesn't count */
            size_t j = i + 1;
            while (j < n && s[j] == ' ' && j + 1 < n &&
                   (s[j + 1] == '*' || s[j + 1] == '&' || s[j + 1] == ','))
                j++;
            if (j >= n || s[j] != ' ')
                sg_buf_addc(out, ' ');
        }
    }
}

/* fixup_hash: re.sub(r"::h[0-9a-fA-F]+$", "") — `$` also matches before a final newline.
 * Appends the result. */
static void strip_rust_hash(const char *s, size_t n, sg_buf *out)
{
    size_t e = n && s[n - 1] == '\n' ? n - 1 : n, j = e;
    while (j > 0 && ((s[j - 1] >= '0' && s[j - 1] <= '9') || (s[j - 1] >= 'a' && s[j - 1] <= 'f') ||
                     (s[j - 1] >= 'A' && s[j - 1] <= 'F')))
        j--;
    if (j < e && j >= 3 && memcmp(s + j - 3, "::h", 3) == 0) {
        sg_buf_add(out, s, j - 3);
        sg_buf_add(out, s + e, n - e);
    } else {
        sg_buf_add(out, s, n);
    }
}

static void append_line(sg_buf *b, const sg_fv *line)
{
    sg_buf_addc(b, ':');
    sg_fv_str(b, line);
}

/* ---- normalize_cpp_function / normalize_rust_function ------------------------------------ */

sg_pyexc sg_normalize_cpp(sg_result *r, const char *f, size_t n, const sg_fv *line, sg_buf *out)
{
    static const char *const refs[] = { "const", "const&", "const &", "&&", "&" };
    for (size_t k = 0; k < 5; k++)
        if (ends_with(f, n, refs[k])) {
            n -= strlen(refs[k]);
            sg_u_strip(&f, &n);
        }
    sg_buf a, b;
    sg_result_take(r, 0, &a);
    sg_result_take(r, 1, &b);
    if (!contains(f, n, "::operator")) {
        int ok = drop_prefix_and_return_type(r, f, n, &a);
        if (ok <= 0) {
            sg_result_give(r, 0, &a);
            sg_result_give(r, 1, &b);
            /* Socorro quirk: a function that is only "const" leaves no token (IndexError) */
            return ok < 0 ? SG_PY_OK : raise(r, SG_PY_INDEXERROR, "list index out of range", NULL);
        }
    } else {
        sg_buf_add(&a, f, n);
    }
    /* `anonymous namespace' -> (anonymous namespace) (bug 1672847) */
    const char *anon = "`anonymous namespace'";
    size_t an = strlen(anon);
    for (size_t i = 0; i < a.len;) {
        const char *q = memchr(a.p + i, '`', a.len - i);
        size_t run = q ? (size_t)(q - a.p) - i : a.len - i;
        sg_buf_add(&b, a.p + i, run); /* copy up to the next backquote at once */
        i += run;
        if (i >= a.len)
            break;
        if (i + an <= a.len && memcmp(a.p + i, anon, an) == 0) {
            sg_buf_add(&b, "(anonymous namespace)", an);
            i += an;
        } else {
            sg_buf_addc(&b, a.p[i++]);
        }
    }
    sg_buf_reset(&a);
    fix_lambdas(b.p ? b.p : "", b.len, &a); /* bug 1688249 */
    sg_buf_reset(&b);
    collapse(a.p ? a.p : "", a.len, '<', '>', RP_TYPES, &b);
    sg_buf_reset(&a);
    collapse(b.p ? b.p : "", b.len, '(', ')', RP_ARGS, &a);
    if (contains(a.p ? a.p : "", a.len, "clone .cold")) {
        /* PGO cold blocks "[clone .cold.222]" (bug 1397926) */
        sg_buf_reset(&b);
        collapse(a.p, a.len, '[', ']', RP_EMPTY, &b);
        sg_buf_reset(&a);
        sg_buf_add(&a, b.p ? b.p : "", b.len);
    }
    if (sg_match_line_numbers(a.p ? a.p : "", a.len))
        append_line(&a, line);
    fix_space_comma(a.p ? a.p : "", a.len, out);
    int failed = a.failed || b.failed;
    sg_result_give(r, 0, &a);
    sg_result_give(r, 1, &b);
    if (failed)
        out->failed = 1;
    return SG_PY_OK;
}

sg_pyexc sg_normalize_rust(sg_result *r, const char *f, size_t n, const sg_fv *line, sg_buf *out)
{
    sg_buf a, b;
    sg_result_take(r, 0, &a);
    sg_result_take(r, 1, &b);
    int ok = drop_prefix_and_return_type(r, f, n, &a);
    if (ok <= 0) {
        sg_result_give(r, 0, &a);
        sg_result_give(r, 1, &b);
        return ok < 0 ? SG_PY_OK : raise(r, SG_PY_INDEXERROR, "list index out of range", NULL);
    }
    collapse(a.p, a.len, '<', '>', RP_RUST_TYPES, &b);
    sg_buf_reset(&a);
    collapse(b.p ? b.p : "", b.len, '(', ')', RP_EMPTY, &a);
    if (sg_match_line_numbers(a.p ? a.p : "", a.len))
        append_line(&a, line);
    sg_buf_reset(&b);
    fix_space_comma(a.p ? a.p : "", a.len, &b);
    strip_rust_hash(b.p ? b.p : "", b.len, out);
    int failed = a.failed || b.failed;
    sg_result_give(r, 0, &a);
    sg_result_give(r, 1, &b);
    if (failed)
        out->failed = 1;
    return SG_PY_OK;
}

/* ---- utils.parse_source_file, strip_leading_zeros --------------------------------------- */

const char *sg_parse_source_file(const char *s, size_t n, size_t *out_len)
{
    size_t colons = 0, c1 = 0, c2 = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] == ':') {
            colons++;
            if (colons == 1)
                c1 = i;
            else if (colons == 2)
                c2 = i;
            else if (colons == 3) {
                /* hg:repo:path:rev -> path */
                size_t c3 = i;
                size_t more = 0;
                for (size_t k = i + 1; k < n; k++)
                    more += s[k] == ':';
                if (more)
                    break;
                *out_len = c3 - c2 - 1;
                return s + c2 + 1;
            }
        }
    if (colons == 1) {
        *out_len = n - c1 - 1;
        return s + c1 + 1;
    }
    if (n && s[0] == '/') {
        *out_len = n;
        return s;
    }
    return NULL;
}

static int hexval(uint32_t cp)
{
    if (cp >= 'a' && cp <= 'f')
        return (int)(cp - 'a' + 10);
    if (cp >= 'A' && cp <= 'F')
        return (int)(cp - 'A' + 10);
    return sg_u_decimal_value(cp); /* int(x, 16) takes any Unicode decimal digit too */
}

/* hex(int(text, 16)), or 0 when Python's int() would raise ValueError. */
static int strip_leading_zeros(const char *s, size_t n, sg_buf *out)
{
    sg_u_strip(&s, &n);
    size_t i = 0;
    int neg = 0;
    if (i < n && (s[i] == '+' || s[i] == '-'))
        neg = s[i++] == '-';
    int after_prefix = 0;
    if (i + 1 < n && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'X')) {
        i += 2;
        after_prefix = 1;
    }
    sg_buf digits;
    sg_buf_init(&digits);
    /* [0x] ['_'] digit (['_'] digit)*: one underscore between digits or after the prefix */
    int need_digit = 1, allow_us = after_prefix, ok = 1;
    while (ok && i < n) {
        uint32_t cp;
        size_t k = sg_utf8_decode(s + i, n - i, &cp);
        int d = hexval(cp);
        if (cp == '_' && allow_us) {
            allow_us = 0;
            need_digit = 1;
        } else if (d >= 0) {
            if (digits.len || d)
                sg_buf_addc(&digits, "0123456789abcdef"[d]);
            need_digit = 0;
            allow_us = 1;
        } else {
            ok = 0;
        }
        i += k;
    }
    if (need_digit)
        ok = 0;

    if (ok) {
        if (neg && digits.len)
            sg_buf_addc(out, '-');
        sg_buf_add(out, "0x", 2);
        if (digits.len)
            sg_buf_add(out, digits.p, digits.len);
        else
            sg_buf_addc(out, '0');
    }
    sg_buf_free(&digits);
    return ok;
}

/* The fields a frame dict can hold, found in one pass over its keys (a dict lookup per field
 * costs more than the normalization); a later duplicate key wins, as in a Python dict. */
void sg_frame_fields(const cJSON *d, const cJSON *f[SG_F_N])
{
    static const char *const names[SG_F_N] = { "module", "function", "file", "line", "module_offset",
                                            "offset", "unloaded_modules", "inlines" };
    memset(f, 0, SG_F_N * sizeof *f);
    for (const cJSON *c = d ? d->child : NULL; c; c = c->next)
        for (int k = 0; k < SG_F_N; k++)
            if (c->string[0] == names[k][0] && strcmp(c->string, names[k]) == 0) {
                f[k] = c;
                break;
            }
}

sg_frame_in sg_frame_in_json(const cJSON *d)
{
    const cJSON *f[SG_F_N];
    sg_frame_fields(d, f);
    sg_frame_in in = { sg_fv_json(f[SG_F_MODULE]), sg_fv_json(f[SG_F_FUNCTION]),
                       sg_fv_json(f[SG_F_FILE]), sg_fv_json(f[SG_F_LINE]),
                       sg_fv_json(f[SG_F_MODULE_OFFSET]), sg_fv_json(f[SG_F_OFFSET]),
                       sg_fv_json(f[SG_F_UNLOADED]) };
    return in;
}

/* ---- normalize_frame ---------------------------------------------------------------------- */

sg_pyexc sg_normalize_frame(sg_result *r, const sg_frame_in *f, sg_buf *out)
{
    if (sg_fv_truthy(&f->function)) {
        size_t pn = 0;
        const char *parsed = NULL;
        if (sg_fv_truthy(&f->file)) {
            if (!f->file.is_str)
                return raise(r, SG_PY_ATTRIBUTEERROR, "'%s' object has no attribute 'split'",
                             sg_fv_type(&f->file));
            parsed = sg_parse_source_file(f->file.s, f->file.len, &pn);
        }
        if (!f->function.is_str) {
            /* numbers and bools reach str methods; lists and dicts failed earlier */
            return raise(r, SG_PY_ATTRIBUTEERROR, "'%s' object has no attribute 'endswith'",
                         sg_fv_type(&f->function));
        }
        if (parsed && ends_with(parsed, pn, ".rs"))
            return sg_normalize_rust(r, f->function.s, f->function.len, &f->line, out);
        return sg_normalize_cpp(r, f->function.s, f->function.len, &f->line, out);
    }
    if (sg_fv_truthy(&f->file) && sg_fv_truthy(&f->line)) {
        if (!f->file.is_str)
            return raise(r, SG_PY_ATTRIBUTEERROR, "'%s' object has no attribute 'rstrip'",
                         sg_fv_type(&f->file));
        const char *s = f->file.s;
        size_t n = f->file.len;
        while (n && (s[n - 1] == '/' || s[n - 1] == '\\'))
            n--;
        char sep = memchr(s, '\\', n) ? '\\' : '/';
        size_t start = n;
        while (start > 0 && s[start - 1] != sep)
            start--;
        sg_buf_add(out, s + start, n - start);
        sg_buf_addc(out, '#');
        sg_fv_str(out, &f->line);
        return SG_PY_OK;
    }
    if (sg_fv_truthy(&f->module)) {
        if (!f->module.is_str)
            return raise(r, SG_PY_ATTRIBUTEERROR, "'%s' object has no attribute 'strip'",
                         sg_fv_type(&f->module));
        /* module.strip("[]") (bug 1926077) */
        const char *s = f->module.s;
        size_t n = f->module.len;
        while (n && (*s == '[' || *s == ']'))
            s++, n--;
        while (n && (s[n - 1] == '[' || s[n - 1] == ']'))
            n--;
        sg_buf_add(out, s, n);
        return SG_PY_OK;
    }
    if (sg_fv_truthy(&f->unloaded_modules)) {
        const sg_fv *u = &f->unloaded_modules;
        const char *type = sg_fv_type(u);
        if (u->is_str)
            return raise(r, SG_PY_ATTRIBUTEERROR, "'str' object has no attribute 'get'", NULL);
        if (cJSON_IsObject(u->j))
            return raise(r, SG_PY_KEYERROR, "0", NULL);
        if (!cJSON_IsArray(u->j))
            return raise(r, SG_PY_TYPEERROR, "'%s' object is not subscriptable", type);
        const cJSON *first = u->j->child;
        if (!cJSON_IsObject(first)) {
            sg_fv fv = sg_fv_json(first);
            return raise(r, SG_PY_ATTRIBUTEERROR, "'%s' object has no attribute 'get'",
                         sg_fv_type(&fv));
        }
        sg_fv mod = sg_fv_json(sg_py_dict_get(first, "module", 6));
        sg_buf_add(out, "(unloaded ", 10);
        sg_fv_str(out, &mod);
        sg_buf_addc(out, ')');
        return SG_PY_OK;
    }
    if (sg_fv_truthy(&f->offset)) {
        sg_buf_addc(out, '@');
        /* Socorro quirk: hex(int(x, 16)) takes "0x", "_", a sign, any size; else x as is */
        if (!f->offset.is_str || !strip_leading_zeros(f->offset.s, f->offset.len, out))
            sg_fv_str(out, &f->offset);
        return SG_PY_OK;
    }
    return SG_PY_OK;
}

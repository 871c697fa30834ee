/* java.c — Socorro's JavaSignatureTool (a java_stack_trace string) and
 * JavaExceptionSignatureTool (a structured java_exception), with Python's behaviour on
 * values of the wrong type (rules.py). Runtime stage. */
#include "java.h"

#include <string.h>

#include "pyval.h"
#include "unicode.h"

#define DESCRIPTION_MAX_LENGTH 255

static sg_str lit(const char *s) { return (sg_str){ s, strlen(s) }; }

static void note(sg_result *r, sg_strvec *notes, const char *s)
{
    sg_strvec_push(r, notes, lit(s), 0);
}

static int empty(sg_result *r, sg_str *sig, sg_strvec *notes, const char *text, const char *why)
{
    *sig = lit(text);
    note(r, notes, why);
    return r->failed ? SG_RULE_FATAL : SG_RULE_OK;
}

/* str.strip() */
static sg_str strip(sg_str s)
{
    sg_u_strip(&s.s, &s.len);
    return s;
}

/* The code points str.splitlines() breaks at. */
static int line_break(uint32_t cp)
{
    return cp == '\n' || cp == '\r' || cp == 0x0B || cp == 0x0C || cp == 0x1C || cp == 0x1D ||
           cp == 0x1E || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
}

/* The first two lines of s.splitlines(), stripped; returns how many exist (0, 1 or 2). */
static int first_lines(sg_str s, sg_str line[2])
{
    size_t i = 0, start = 0;
    int n = 0;
    while (i < s.len && n < 2) {
        uint32_t cp;
        size_t k = sg_utf8_decode(s.s + i, s.len - i, &cp);
        if (line_break(cp)) {
            line[n++] = strip((sg_str){ s.s + start, i - start });
            i += k;
            if (cp == '\r' && i < s.len && s.s[i] == '\n')
                i++;
            start = i;
            continue;
        }
        i += k;
    }
    if (n < 2 && start < s.len)
        line[n++] = strip((sg_str){ s.s + start, s.len - start });
    return n;
}

static size_t cp_len(sg_str s)
{
    size_t n = 0;
    for (size_t i = 0; i < s.len; i++)
        n += ((unsigned char)s.s[i] & 0xC0) != 0x80;
    return n;
}

static int ends_with(sg_str s, const char *suf)
{
    size_t k = strlen(suf);
    return s.len >= k && memcmp(s.s + s.len - k, suf, k) == 0;
}

/* delimiter.join(x for x in parts if x) */
static void join_ignore_empty(sg_buf *b, const char *delim, const sg_str *parts, int n)
{
    int any = 0;
    for (int i = 0; i < n; i++)
        if (parts[i].len) {
            if (any++)
                sg_buf_adds(b, delim);
            sg_buf_add(b, parts[i].s, parts[i].len);
        }
}

int sg_java_stack_signature(sg_result *r, const cJSON *source, sg_str *sig, sg_strvec *notes,
                            sg_strvec *debug)
{
    (void)debug;
    const char *bad = "EMPTY: Java stack trace not in expected format";
    if (!source || !cJSON_IsString(source))
        return empty(r, sig, notes, bad, "JavaSignatureTool: stack trace not in expected format");
    sg_str line[2];
    int nlines = first_lines((sg_str){ source->valuestring, sg_py_strlen(source) }, line);
    if (nlines == 0)
        return empty(r, sig, notes, bad, "JavaSignatureTool: stack trace not in expected format");
    sg_str cls, desc = { "", 0 };
    const char *colon = memchr(line[0].s, ':', line[0].len);
    sg_buf db;
    sg_buf_init(&db);
    if (colon) {
        cls = strip((sg_str){ line[0].s, (size_t)(colon - line[0].s) });
        sg_str d = { colon + 1, line[0].len - (size_t)(colon + 1 - line[0].s) };
        /* java_hex_addr_killer: @[0-9a-f]{8} -> @<addr> */
        for (size_t i = 0; i < d.len; i++) {
            size_t k = 0;
            if (d.s[i] == '@')
                while (k < 8 && i + 1 + k < d.len &&
                       ((d.s[i + 1 + k] >= '0' && d.s[i + 1 + k] <= '9') ||
                        (d.s[i + 1 + k] >= 'a' && d.s[i + 1 + k] <= 'f')))
                    k++;
            if (k == 8) {
                sg_buf_adds(&db, "@<addr>");
                i += 8;
            } else {
                sg_buf_addc(&db, d.s[i]);
            }
        }
        desc = strip((sg_str){ db.p ? db.p : "", db.len });
    } else {
        cls = line[0];
        note(r, notes, "JavaSignatureTool: stack trace line 1 is not in the expected format");
    }
    sg_str method = { "", 0 };
    sg_buf mb;
    sg_buf_init(&mb);
    if (nlines < 2) {
        note(r, notes, "JavaSignatureTool: stack trace line 2 is missing");
    } else {
        method = line[1];
        /* java_line_number_killer: \.java\:\d+\)$ -> .java) (Unicode \d) */
        if (method.len && method.s[method.len - 1] == ')') {
            size_t j = method.len - 1, digits = 0;
            while (j > 0) {
                size_t q = j - 1;
                while (q > 0 && ((unsigned char)method.s[q] & 0xC0) == 0x80)
                    q--;
                uint32_t cp;
                sg_utf8_decode(method.s + q, j - q, &cp);
                if (sg_u_decimal_value(cp) < 0)
                    break;
                j = q;
                digits++;
            }
            if (digits && j >= 6 && memcmp(method.s + j - 6, ".java:", 6) == 0) {
                sg_buf_add(&mb, method.s, j - 1);
                sg_buf_addc(&mb, ')');
                method = (sg_str){ mb.p, mb.len };
            }
        }
        if (!method.len)
            note(r, notes, "JavaSignatureTool: stack trace line 2 is empty");
    }
    sg_buf out;
    sg_buf_init(&out);
    if (ends_with(desc, "<addr>")) {
        sg_str parts[3] = { cls, desc, method };
        join_ignore_empty(&out, ": ", parts, 3);
    } else {
        /* Socorro quirk: no colon between description and method (bug 865142) */
        sg_buf phrase;
        sg_buf_init(&phrase);
        sg_str two[2] = { desc, method };
        join_ignore_empty(&phrase, " ", two, 2);
        sg_str parts[2] = { cls, { phrase.p ? phrase.p : "", phrase.len } };
        join_ignore_empty(&out, ": ", parts, 2);
        sg_buf_free(&phrase);
    }
    if (cp_len((sg_str){ out.p ? out.p : "", out.len }) > DESCRIPTION_MAX_LENGTH) {
        sg_buf_reset(&out);
        sg_buf_add(&out, cls.s, cls.len);
        sg_buf_adds(&out, ": ");
        sg_buf_add(&out, method.s, method.len);
        note(r, notes, "JavaSignatureTool: dropped Java exception description due to length");
    }
    *sig = sg_str_copy(r, out.p ? out.p : "", out.len);
    if (out.failed || db.failed || mb.failed)
        r->failed = 1;
    sg_buf_free(&out);
    sg_buf_free(&db);
    sg_buf_free(&mb);
    return r->failed ? SG_RULE_FATAL : SG_RULE_OK;
}

static int raise_no_get(sg_result *r, const cJSON *v)
{
    return sg_result_raise(r, "'%s' object has no attribute 'get'", sg_py_type_name(v));
}

/* JavaExceptionSignatureTool.normalize_frame, into b (str() of what it returns). */
static int java_frame(sg_result *r, const cJSON *frame, sg_buf *b)
{
    if (!cJSON_IsObject(frame))
        return raise_no_get(r, frame);
    const cJSON *mod = sg_py_dict_get(frame, "module", 6), *fn = sg_py_dict_get(frame, "function", 8);
    const cJSON *file = sg_py_dict_get(frame, "filename", 8);
    const cJSON *sig = NULL;
    int both = sg_py_truthy(mod) && sg_py_truthy(fn);
    if (both) {
        /* ".".join([module, function]) needs two str */
        if (!cJSON_IsString(mod) || !cJSON_IsString(fn))
            return sg_result_raise(r, "sequence item %d: expected str instance, %s found",
                                   cJSON_IsString(mod) ? 1 : 0,
                                   sg_py_type_name(cJSON_IsString(mod) ? fn : mod));
    } else {
        sig = sg_py_truthy(mod) ? mod : sg_py_truthy(fn) ? fn : NULL;
    }
    if (!both && !sig) {
        sg_buf_adds(b, "unknown");
        return SG_RULE_OK;
    }
    if (both) {
        sg_py_str(b, mod);
        sg_buf_addc(b, '.');
        sg_py_str(b, fn);
    } else {
        sg_py_str(b, sig);
    }
    if (sg_py_truthy(file)) {
        sg_buf_addc(b, '(');
        sg_py_str(b, file);
        sg_buf_addc(b, ')');
    }
    return SG_RULE_OK;
}

int sg_java_exception_signature(sg_result *r, const cJSON *source, sg_str *sig,
                                sg_strvec *notes, sg_strvec *debug)
{
    (void)debug;
    const char *bad = "EMPTY: Java exception not in expected format";
    const char *why = "JavaExceptionSignatureTool: value not in expected format";
    if (!cJSON_IsObject(source))
        return empty(r, sig, notes, bad, why);
    const cJSON *st = sg_py_glom(source, "exception.values.0.stacktrace");
    if (!sg_py_truthy(st))
        return empty(r, sig, notes, bad, why);
    if (!cJSON_IsObject(st))
        return raise_no_get(r, st);
    const cJSON *mod = sg_py_dict_get(st, "module", 6), *type = sg_py_dict_get(st, "type", 4);
    sg_buf b;
    sg_buf_init(&b);
    /* stacktrace.get("type", "Unknown"): the default only when the key is absent */
    if (sg_py_truthy(mod) && (type ? sg_py_truthy(type) : 1)) {
        sg_py_str(&b, mod);
        sg_buf_addc(&b, '.');
    }
    if (type)
        sg_py_str(&b, type);
    else
        sg_buf_adds(&b, "Unknown");
    const cJSON *frames = sg_py_dict_get(st, "frames", 6);
    int rc = SG_RULE_OK;
    if (sg_py_truthy(frames)) {
        if (cJSON_IsString(frames) || cJSON_IsObject(frames)) {
            rc = sg_result_raise(r, "'str' object has no attribute 'get'");
        } else if (!cJSON_IsArray(frames)) {
            rc = sg_result_raise(r, "'%s' object is not iterable", sg_py_type_name(frames));
        } else {
            /* every frame is normalized (a list comprehension), the first one is used */
            sg_buf first, other;
            sg_buf_init(&first);
            sg_buf_init(&other);
            const cJSON *f;
            cJSON_ArrayForEach(f, frames) {
                sg_buf_reset(&other);
                rc = java_frame(r, f, f == frames->child ? &first : &other);
                if (rc != SG_RULE_OK)
                    break;
            }
            sg_buf_adds(&b, ": at ");
            sg_buf_add(&b, first.p ? first.p : "", first.len);
            sg_buf_free(&first);
            sg_buf_free(&other);
        }
    }
    if (rc == SG_RULE_OK)
        *sig = sg_str_copy(r, b.p ? b.p : "", b.len);
    if (b.failed)
        r->failed = 1;
    sg_buf_free(&b);
    return r->failed ? SG_RULE_FATAL : rc;
}

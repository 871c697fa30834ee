/* pyval.c — Python's view of JSON values (runtime stage): what str(), repr(), ==, bool() and
 * dict.get() give on what json.loads returned, so rules can treat crash data as Socorro's
 * Python code does, whatever types the crash holds. */
#include "pyval.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json_read.h"
#include "unicode.h"

/* A number node with a lexeme is a float unless the lexeme is all digits (a big int). */
int sg_py_is_float(const cJSON *j)
{
    if (!cJSON_IsNumber(j))
        return 0;
    if (!j->valuestring)
        return 0;
    return strpbrk(j->valuestring, ".eEnNI") != NULL;
}

const char *sg_py_type_name(const cJSON *j)
{
    if (!j || cJSON_IsNull(j))
        return "NoneType";
    if (cJSON_IsBool(j))
        return "bool";
    if (cJSON_IsNumber(j))
        return sg_py_is_float(j) ? "float" : "int";
    if (sg_py_is_str(j))
        return "str";
    if (sg_py_is_list(j))
        return "list";
    return "dict";
}

const char *sg_py_key(const cJSON *c, sg_buf *tmp, size_t *len)
{
    if ((unsigned char)c->string[0] != 0xFF) { /* never a UTF-8 byte: only the NUL encoding */
        *len = strlen(c->string);
        return c->string;
    }
    sg_buf_reset(tmp);
    for (const char *q = c->string + 1; *q; q++)
        sg_buf_addc(tmp, (unsigned char)*q == 0xFF ? 0 : *q);
    *len = tmp->len;
    return tmp->p ? tmp->p : "";
}

const cJSON *sg_py_dict_get(const cJSON *d, const char *key, size_t len)
{
    if (!d || !sg_py_is_dict(d))
        return NULL;
    const cJSON *found = NULL, *c;
    /* the first byte before strncmp: most keys differ there; strnlen then reads no further
     * than a shorter key's NUL (a key with NUL bytes is stored with a 0xFF lead, json_read.c,
     * so that a key holding a NUL is never equal to one) */
    cJSON_ArrayForEach(c, d)
        if (c->string && (len == 0 || c->string[0] == key[0]) && strncmp(c->string, key, len) == 0 &&
            strnlen(c->string, len + 1) == len)
            found = c;
    return found;
}

static double num(const cJSON *j)
{
    return cJSON_IsBool(j) ? (double)cJSON_IsTrue(j) : j->valuedouble;
}

int sg_py_equal(const cJSON *a, const cJSON *b)
{
    int an = cJSON_IsNumber(a) || cJSON_IsBool(a), bn = cJSON_IsNumber(b) || cJSON_IsBool(b);
    if (an && bn) {
        /* big ints compare by digits, everything else as doubles */
        if (a->valuestring && b->valuestring && !sg_py_is_float(a) && !sg_py_is_float(b))
            return strcmp(a->valuestring, b->valuestring) == 0;
        return num(a) == num(b);
    }
    if ((a->type & 0xFF) != (b->type & 0xFF))
        return 0;
    if (cJSON_IsNull(a))
        return 1;
    if (sg_py_is_str(a))
        return sg_py_strlen(a) == sg_py_strlen(b) &&
               memcmp(a->valuestring, b->valuestring, sg_py_strlen(a)) == 0;
    if (sg_py_is_list(a)) {
        const cJSON *x = a->child, *y = b->child;
        for (; x && y; x = x->next, y = y->next)
            if (!sg_py_equal(x, y))
                return 0;
        return !x && !y;
    }
    /* dicts: same keys, equal values */
    if (cJSON_GetArraySize(a) != cJSON_GetArraySize(b))
        return 0;
    const cJSON *x;
    cJSON_ArrayForEach(x, a) {
        const cJSON *y = sg_py_dict_get(b, x->string, strlen(x->string));
        if (!y || !sg_py_equal(x, y))
            return 0;
    }
    return 1;
}

void sg_py_float_repr(sg_buf *b, double d)
{
    char buf[64];
    if (isnan(d)) {
        sg_buf_adds(b, "nan");
        return;
    }
    if (isinf(d)) {
        sg_buf_adds(b, d < 0 ? "-inf" : "inf");
        return;
    }
    /* shortest digits that round-trip, as repr() does */
    int prec;
    for (prec = 1; prec <= 17; prec++) {
        snprintf(buf, sizeof buf, "%.*e", prec - 1, d);
        if (strtod(buf, NULL) == d)
            break;
    }
    char digits[32];
    size_t nd = 0;
    const char *p = buf;
    int neg = *p == '-';
    if (neg)
        p++;
    for (; *p && *p != 'e'; p++)
        if (*p >= '0' && *p <= '9')
            digits[nd++] = *p;
    int exp = atoi(p + 1);
    while (nd > 1 && digits[nd - 1] == '0')
        nd--;
    if (neg)
        sg_buf_addc(b, '-');
    if (exp >= -4 && exp < 16) {
        /* fixed notation: repr() uses it for 1e-4 <= |d| < 1e16 */
        if (exp < 0) {
            sg_buf_adds(b, "0.");
            for (int i = -1; i > exp; i--)
                sg_buf_addc(b, '0');
            sg_buf_add(b, digits, nd);
        } else {
            for (int i = 0; i <= exp; i++)
                sg_buf_addc(b, (size_t)i < nd ? digits[i] : '0');
            sg_buf_addc(b, '.');
            if ((size_t)exp + 1 < nd)
                sg_buf_add(b, digits + exp + 1, nd - (size_t)exp - 1);
            else
                sg_buf_addc(b, '0');
        }
    } else {
        sg_buf_addc(b, digits[0]);
        if (nd > 1) {
            sg_buf_addc(b, '.');
            sg_buf_add(b, digits + 1, nd - 1);
        }
        snprintf(buf, sizeof buf, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
        sg_buf_adds(b, buf);
    }
}

void sg_py_repr_str(sg_buf *b, const char *s, size_t len)
{
    /* Python prefers single quotes unless the text has ' and no " */
    int has_sq = memchr(s, '\'', len) != NULL, has_dq = memchr(s, '"', len) != NULL;
    char q = has_sq && !has_dq ? '"' : '\'';
    char esc[16];
    sg_buf_addc(b, q);
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = sg_utf8_decode(s + i, len - i, &cp);
        if (cp == (uint32_t)q || cp == '\\') {
            sg_buf_addc(b, '\\');
            sg_buf_addc(b, (char)cp);
        } else if (cp == '\t') {
            sg_buf_adds(b, "\\t");
        } else if (cp == '\n') {
            sg_buf_adds(b, "\\n");
        } else if (cp == '\r') {
            sg_buf_adds(b, "\\r");
        } else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && !sg_u_isprintable(cp))) {
            if (cp < 0x100)
                snprintf(esc, sizeof esc, "\\x%02x", cp);
            else if (cp < 0x10000)
                snprintf(esc, sizeof esc, "\\u%04x", cp);
            else
                snprintf(esc, sizeof esc, "\\U%08x", cp);
            sg_buf_adds(b, esc);
        } else {
            sg_buf_add(b, s + i, n);
        }
        i += n;
    }
    sg_buf_addc(b, q);
}

static void number_str(sg_buf *b, const cJSON *j)
{
    char buf[32];
    if (j->valuestring && !sg_py_is_float(j)) {
        sg_buf_adds(b, j->valuestring); /* a big int keeps its digits */
    } else if (j->valuestring) {
        sg_py_float_repr(b, j->valuedouble);
    } else {
        snprintf(buf, sizeof buf, "%.0f", j->valuedouble);
        sg_buf_adds(b, strcmp(buf, "-0") ? buf : "0");
    }
}

void sg_py_repr(sg_buf *b, const cJSON *v)
{
    const cJSON *c;
    if (!v || cJSON_IsNull(v))
        sg_buf_adds(b, "None");
    else if (cJSON_IsBool(v))
        sg_buf_adds(b, cJSON_IsTrue(v) ? "True" : "False");
    else if (cJSON_IsNumber(v))
        number_str(b, v);
    else if (sg_py_is_str(v))
        sg_py_repr_str(b, v->valuestring, sg_py_strlen(v));
    else if (sg_py_is_list(v)) {
        sg_buf_addc(b, '[');
        cJSON_ArrayForEach(c, v) {
            if (c != v->child)
                sg_buf_adds(b, ", ");
            sg_py_repr(b, c);
        }
        sg_buf_addc(b, ']');
    } else {
        sg_buf key;
        sg_buf_init(&key);
        sg_buf_addc(b, '{');
        cJSON_ArrayForEach(c, v) {
            if (c != v->child)
                sg_buf_adds(b, ", ");
            size_t n;
            const char *k = sg_py_key(c, &key, &n);
            sg_py_repr_str(b, k, n);
            sg_buf_adds(b, ": ");
            sg_py_repr(b, c);
        }
        sg_buf_addc(b, '}');
        if (key.failed)
            b->failed = 1;
        sg_buf_free(&key);
    }
}

void sg_py_str(sg_buf *b, const cJSON *v)
{
    if (v && sg_py_is_str(v))
        sg_buf_add(b, v->valuestring, sg_py_strlen(v));
    else
        sg_py_repr(b, v);
}

int sg_py_int_parse(const char *s, size_t n, sg_buf *digits, long long *value)
{
    sg_u_strip(&s, &n);
    const char *e = s + n;
    int neg = 0, need_digit = 1, allow_us = 0;
    if (s < e && (*s == '+' || *s == '-'))
        neg = *s++ == '-';
    size_t ndigits = 0, start = digits ? digits->len : 0, sig = 0;
    long long v = 0;
    if (digits && neg)
        sg_buf_addc(digits, '-');
    while (s < e) {
        uint32_t cp;
        size_t k = sg_utf8_decode(s, (size_t)(e - s), &cp);
        int d = sg_u_decimal_value(cp);
        if (cp == '_' && allow_us) {
            allow_us = 0;
            need_digit = 1;
        } else if (d >= 0) {
            if (digits && (sig || d)) {
                sg_buf_addc(digits, (char)('0' + d));
                sig++;
            }
            ndigits++;
            v = v > 900000000000000000LL ? 9000000000000000000LL : v * 10 + d;
            need_digit = 0;
            allow_us = 1;
        } else {
            need_digit = 1;
            break;
        }
        s += k;
    }
    if (need_digit || ndigits > 4300) {
        if (digits)
            digits->len = start;
        return 0;
    }
    if (digits && !sig) { /* all zeros: "0", never "-0" */
        digits->len = start;
        sg_buf_addc(digits, '0');
    }
    *value = neg ? -v : v;
    return 1;
}

const cJSON *sg_py_glom(const cJSON *v, const char *path)
{
    while (v && *path) {
        size_t n = strcspn(path, ".");
        if (sg_py_is_dict(v)) {
            v = sg_py_dict_get(v, path, n);
        } else if (sg_py_is_list(v)) {
            char *end;
            long i = strtol(path, &end, 10);
            if (n == 0 || end != path + n)
                return NULL;
            long size = cJSON_GetArraySize(v);
            if (i < 0)
                i += size;
            v = i >= 0 && i < size ? cJSON_GetArrayItem(v, (int)i) : NULL;
        } else {
            return NULL;
        }
        path += n + (path[n] == '.');
    }
    return v;
}

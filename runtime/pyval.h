/* pyval.h — JSON values as Python sees them after json.loads: type names, truthiness, ==,
 * dict lookup (case-sensitive, last duplicate wins), str() and repr(). Runtime stage,
 * internal. Knows the reader's fidelity extensions (json_read.h): number lexemes and
 * NUL-safe string lengths. */
#ifndef SG_PYVAL_H
#define SG_PYVAL_H
#include <cjson/cJSON.h>
#include <stddef.h>
#include <string.h>
#include "arena.h"
#include "json_read.h"

/* Byte length of a string node (its valuestring may hold NUL bytes). Inline with the type
 * tests below: normalization asks them of every field of every frame. */
static inline size_t sg_py_strlen(const cJSON *s)
{
    if (!s->valuestring)
        return 0;
    return (s->type & SG_CJSON_HASLEN) ? (size_t)s->valueint : strlen(s->valuestring);
}
/* cJSON_IsString / IsObject / IsArray without the call (cJSON too reads the low byte). */
static inline int sg_py_is_str(const cJSON *j) { return j && (j->type & 0xFF) == cJSON_String; }
static inline int sg_py_is_dict(const cJSON *j) { return j && (j->type & 0xFF) == cJSON_Object; }
static inline int sg_py_is_list(const cJSON *j) { return j && (j->type & 0xFF) == cJSON_Array; }
/* "NoneType", "bool", "int", "float", "str", "list", "dict". */
const char *sg_py_type_name(const cJSON *j);
int sg_py_is_float(const cJSON *j);
/* bool(v); inline: the frame list asks it of several fields of every frame. */
static inline int sg_py_truthy(const cJSON *j)
{
    if (!j)
        return 0;
    switch (j->type & 0xFF) { /* the type cJSON_Is* test, without a call each */
    case cJSON_NULL:
    case cJSON_False: return 0;
    case cJSON_Number: return j->valuedouble != 0; /* NaN too: bool(nan) is True */
    case cJSON_String: return sg_py_strlen(j) > 0;
    case cJSON_Array:
    case cJSON_Object: return j->child != NULL;
    default: return 1;
    }
}
int sg_py_equal(const cJSON *a, const cJSON *b);
/* d.get(key): NULL when absent or when d is not a dict. The last of duplicate keys wins. */
const cJSON *sg_py_dict_get(const cJSON *d, const char *key, size_t len);
/* The key of object member c as Python has it: c->string, or for a key holding NUL bytes
 * (stored with a 0xFF lead, each NUL as 0xFF: json_read.c) its bytes decoded into tmp. */
const char *sg_py_key(const cJSON *c, sg_buf *tmp, size_t *len);
/* glom(v, "a.b.0", default=None) as Socorro uses it: a dict is looked up by the segment, a
 * list indexed by it when it is an integer (negative from the end); NULL otherwise. */
const cJSON *sg_py_glom(const cJSON *v, const char *path);
/* Appends str(v) / repr(v) / repr() of a str. */
void sg_py_str(sg_buf *b, const cJSON *v);
void sg_py_repr(sg_buf *b, const cJSON *v);
void sg_py_repr_str(sg_buf *b, const char *s, size_t len);
/* Appends repr() of a float as Python prints it (shortest round trip, "1e+16", "inf"). */
void sg_py_float_repr(sg_buf *b, double d);
/* Python int(s) of a str, base 10: surrounding whitespace, a sign, Unicode decimal digits,
 * single underscores between digits; more than 4300 digits is Python 3.11's ValueError.
 * Returns 1 with *value (saturated at about +-9e18) and, when digits is not NULL, str() of the
 * int appended to it; 0 when Python raises ValueError. */
int sg_py_int_parse(const char *s, size_t n, sg_buf *digits, long long *value);
#endif

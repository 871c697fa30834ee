/* normalize.h — Socorro's normalize_frame: one frame (any JSON types in its fields) to its
 * normalized string, with the C/C++ and Rust function rules. Runtime stage, internal. */
#ifndef SG_NORMALIZE_H
#define SG_NORMALIZE_H
#include <cjson/cJSON.h>
#include "pyval.h"
#include "result.h"

/* A frame field: a JSON node (NULL = None) or a str made here (a lower-cased module). */
typedef struct sg_fv {
    const cJSON *j;
    const char *s; /* when is_str */
    size_t len;
    int is_str;
} sg_fv;

/* A field read: its str and length when it is a str (inline: the frame list reads the
 * function and the file of every frame). */
static inline sg_fv sg_fv_json(const cJSON *j)
{
    sg_fv v = { j, NULL, 0, 0 };
    if (sg_py_is_str(j)) {
        v.s = j->valuestring;
        v.len = sg_py_strlen(j);
        v.is_str = 1;
    }
    return v;
}
/* A field not yet looked at: the node only, is_str 0. Truthiness, type and str() read it as
 * they are; code that wants .s calls sg_fv_resolve first. */
static inline sg_fv sg_fv_raw(const cJSON *j)
{
    sg_fv v = { j, NULL, 0, 0 };
    return v;
}
static inline void sg_fv_resolve(sg_fv *v)
{
    if (!v->is_str)
        *v = sg_fv_json(v->j);
}
/* Python truthiness; inline, as the frame list asks it of several fields of every frame. */
static inline int sg_fv_truthy(const sg_fv *v)
{
    return v->is_str ? v->len > 0 : sg_py_truthy(v->j);
}
const char *sg_fv_type(const sg_fv *v);
/* Appends str(v). */
void sg_fv_str(sg_buf *b, const sg_fv *v);

typedef struct sg_frame_in {
    sg_fv module, function, file, line, module_offset, offset, unloaded_modules;
} sg_frame_in;

/* The keys of a frame dict, found in one pass (a later duplicate wins, as in a dict). */
enum { SG_F_MODULE, SG_F_FUNCTION, SG_F_FILE, SG_F_LINE, SG_F_MODULE_OFFSET, SG_F_OFFSET,
       SG_F_UNLOADED, SG_F_INLINES, SG_F_N };
void sg_frame_fields(const cJSON *d, const cJSON *f[SG_F_N]);
/* Which of those fields a key names (SG_F_*), or -1: the crash reader builds only these. */
int sg_frame_field_of(const char *key);
int sg_frame_field_of_n(const char *key, size_t len);
/* The key each SG_F_* field has. */
extern const char *const sg_frame_field_name[SG_F_N];
/* A frame dict as normalize_frame(**frame) sees it. */
sg_frame_in sg_frame_in_json(const cJSON *d);
/* The same from fields sg_frame_fields found. Only the function and the file are read for
 * nearly every frame: the other nodes are not touched until a rule needs them (a cache
 * miss each on a tree just read). Inline: a copy of seven fields a frame otherwise. */
static inline void sg_frame_in_fields(sg_frame_in *in, const cJSON *const f[SG_F_N])
{
    in->module = sg_fv_raw(f[SG_F_MODULE]);
    in->function = sg_fv_json(f[SG_F_FUNCTION]);
    in->file = sg_fv_json(f[SG_F_FILE]);
    in->line = sg_fv_raw(f[SG_F_LINE]);
    in->module_offset = sg_fv_raw(f[SG_F_MODULE_OFFSET]);
    in->offset = sg_fv_raw(f[SG_F_OFFSET]);
    in->unloaded_modules = sg_fv_raw(f[SG_F_UNLOADED]);
}

/* Python exception classes the normalizer can raise. */
typedef enum { SG_PY_OK = 0, SG_PY_TYPEERROR, SG_PY_ATTRIBUTEERROR, SG_PY_INDEXERROR,
               SG_PY_KEYERROR } sg_pyexc;
extern const char *const sg_pyexc_name[];

/* normalize_frame(**frame) into out. On a Python exception returns its class and sets
 * r->exc to str(exc). */
sg_pyexc sg_normalize_frame(sg_result *r, const sg_frame_in *f, sg_buf *out);

/* parse_source_file(s): the file part of hg:/git:/c:/absolute paths; NULL when none. */
const char *sg_parse_source_file(const char *s, size_t len, size_t *out_len);

/* The C/C++ and Rust function rules alone (normalize_cpp_function / normalize_rust_function):
 * SG_PY_INDEXERROR when the function reduces to nothing (a function that is only "const"). */
sg_pyexc sg_normalize_cpp(sg_result *r, const char *f, size_t n, const sg_fv *line, sg_buf *out);
sg_pyexc sg_normalize_rust(sg_result *r, const char *f, size_t n, const sg_fv *line, sg_buf *out);
/* normalize_frame into ctx's arena (api.c): SG_EINVAL with "Class: message" when Python
 * would raise. */
sg_status sg_ctx_normalize(sg_ctx *ctx, const sg_frame_in *f, sg_string *out, sg_error *err);
#endif

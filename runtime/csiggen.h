/* csiggen.h — THE public header of libcsiggen: crash-signature generation byte-compatible
 * with Mozilla Socorro's `socorro/signature`. Runtime stage: needs only libc and cJSON.
 *
 * Model: compile once (sigc -> generated matchers + rule program, linked in as const data),
 * run many. Every call takes a caller-owned sg_ctx; there is no global mutable state, so
 * distinct contexts may be used from distinct threads at once. Errors are values (sg_error);
 * the library never prints and never exits. */
#ifndef CSIGGEN_H
#define CSIGGEN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifndef SG_API
#define SG_API __attribute__((visibility("default")))
#endif

#define SG_VERSION_MAJOR 0
#define SG_VERSION_MINOR 1
#define SG_VERSION_PATCH 0
#define SG_VERSION_STRING "0.1.0"
/* Returns SG_VERSION_STRING of the library actually linked. */
SG_API const char *sg_version(void);

/* ---- limits (override with -D at build time) ------------------------------------------ */
#ifndef SG_MAX_FRAMES
#define SG_MAX_FRAMES 40 /* frames (inlines counted) Socorro considers: MAXIMUM_FRAMES_TO_CONSIDER */
#endif
#ifndef SG_SIGNATURE_MAX
#define SG_SIGNATURE_MAX 255 /* SIGNATURE_MAX_LENGTH */
#endif

/* ---- errors ---------------------------------------------------------------------------- */
typedef enum sg_status {
    SG_OK = 0,
    SG_ENOMEM,    /* an allocation failed */
    SG_EINVAL,    /* an argument was invalid (NULL where a value is needed, ...) */
    SG_EJSON,     /* input is not valid JSON (Python json.loads would raise) */
    SG_ESCHEMA,   /* input JSON is not crash data (e.g. not an object) */
    SG_ELIMIT,    /* a documented limit was hit (line size, nesting, string length) */
    SG_EPROGRAM,  /* the compiled rule program is malformed or from another format version */
    SG_EIO        /* reading or writing failed (tools only) */
} sg_status;

typedef struct sg_error {
    sg_status code;
    char msg[256];   /* human-readable, names the field or place */
    const char *file; /* source file name when it applies, else NULL */
    long line, col;   /* 1-based place in the input when known, else 0 */
} sg_error;

/* Short name of a status code ("ok", "out of memory", ...). */
SG_API const char *sg_status_name(sg_status code);

/* ---- values: a JSON value as Python sees it ---------------------------------------------
 * Socorro's rules run on Python values, so a frame field may be any JSON type and the
 * outcome depends on the type (a str, or str() of an int, or an AttributeError...).
 * `s`/`len` hold the string itself for SG_STR and Python's str() of the value otherwise
 * ("None", "True", "12", "4.5", "[1, 'a']"). Strings are WTF-8 (UTF-8 that may carry lone
 * surrogates) and may contain NUL bytes: always use len. */
typedef enum sg_kind {
    SG_ABSENT = 0, /* key not present (Python: .get() returns None, but `in` is False) */
    SG_NONE,       /* JSON null */
    SG_BOOL,
    SG_INT,
    SG_FLOAT,
    SG_STR,
    SG_LIST,
    SG_DICT
} sg_kind;

typedef struct sg_value {
    sg_kind kind;
    const char *s;
    size_t len;
} sg_value;

/* Python truthiness of a value (bool(v)). */
SG_API int sg_value_truthy(const sg_value *v);


/* ==== [pipeline: crash data, rule program, results] — section owned by vm.c/api.c ====== */
/* A string the library returns: WTF-8 bytes, may hold NUL; s[len] is always NUL. */
typedef struct sg_string {
    const char *s;
    size_t len;
} sg_string;

/* Limits on one crash document (defaults in parentheses). Hitting one is an error for that
 * crash (SG_ELIMIT), never a crash of the process. */
typedef struct sg_limits {
    size_t max_input;  /* bytes of one document, e.g. one --jsonl line (64 MiB) */
    size_t max_depth;  /* JSON nesting depth (1000, about where Python's json gives up) */
    size_t max_frames; /* elements kept of a thread's "frames" list (1000; Socorro reads 40) */
    size_t max_string; /* bytes of one decoded string (16 MiB) */
} sg_limits;
SG_API void sg_limits_default(sg_limits *l);

/* Per-caller state: an arena reused crash after crash. Not shared between threads; create one
 * per thread (the library has no global mutable state). */
typedef struct sg_ctx sg_ctx;
SG_API sg_ctx *sg_ctx_new(const sg_limits *limits); /* NULL limits: defaults; NULL on ENOMEM */
SG_API void sg_ctx_free(sg_ctx *ctx);

/* What one generation run gives, as Socorro's Result: every pointer stays valid until the
 * next sg_generate* call on the same ctx (or sg_ctx_free). */
typedef struct sg_output {
    sg_string signature;
    sg_string proto_signature;       /* "" when no C frames were read */
    const sg_string *normalized_frames;
    size_t n_frames;
    const sg_string *notes;          /* "Rule: message" */
    size_t n_notes;
    const sg_string *debug_log;      /* only with SG_VERBOSE */
    size_t n_debug;
    int has_frames;                  /* Socorro set proto_signature/normalized_frames */
} sg_output;

#define SG_VERBOSE 1 /* flag: record the debug log */

/* Signature of one crash given as JSON text: Socorro's crash_data schema, or a processed crash
 * (one with "json_dump"), converted first as Socorro's convert_to_crash_data does. JSON is read
 * as Python's json.loads reads it (last duplicate key wins). SG_EJSON/SG_ELIMIT name the place. */
SG_API sg_status sg_generate(sg_ctx *ctx, const char *json, size_t len, int flags,
                             sg_output *out, sg_error *err);
/* The same for crash_data already parsed (a cJSON tree; read as Python would read it). */
struct cJSON;
SG_API sg_status sg_generate_tree(sg_ctx *ctx, const struct cJSON *crash_data, int flags,
                                  sg_output *out, sg_error *err);
/* ==== [end pipeline] ===================================================================== */

/* ==== [runtime: frames, normalization, walk] — frames_api.c ================================ */
/* A stack frame as plain data (no JSON needed): each field is what the crash would hold,
 * with its Python type (kind) and text (for SG_STR the string, else Python's str() of the
 * value; SG_ABSENT or SG_NONE for a missing field). Lists and dicts in frame fields are
 * not representable here: use sg_generate for such crashes. */
typedef struct sg_frame {
    sg_value module, function, file, line, module_offset, offset;
    const sg_value *unloaded_modules; /* module names of unloaded modules (first one used) */
    size_t n_unloaded;
    const struct sg_frame *inlines;   /* inline frames, innermost first (Socorro order) */
    size_t n_inlines;
} sg_frame;

/* Normalizes one frame as Socorro's normalize_frame does; *out is valid until the next call
 * on ctx. SG_EINVAL with the Python exception in err->msg when Python would raise. */
SG_API sg_status sg_normalize(sg_ctx *ctx, const sg_frame *frame, sg_string *out, sg_error *err);

/* The C signature of one thread given as frames (crashing thread index `thread`, os
 * "Windows NT" when windows is set), through the whole rule pipeline: same as sg_generate
 * on {"crashing_thread": 0, "os": ..., "threads": [{"frames": ...}]}. */
SG_API sg_status sg_generate_frames(sg_ctx *ctx, const sg_frame *frames, size_t n, int windows,
                                    int flags, sg_output *out, sg_error *err);
/* ==== [end runtime: frames] ============================================================== */

#ifdef __cplusplus
}
#endif
#endif

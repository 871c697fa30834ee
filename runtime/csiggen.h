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

/* ==== [runtime: frames, normalization, walk] — section owned by normalize.c/walk.c ====== */
/* ==== [end runtime: frames] ============================================================== */

/* ==== [pipeline: crash data, rule program, results] — section owned by vm.c/crashdata.c == */
/* ==== [end pipeline] ===================================================================== */

#ifdef __cplusplus
}
#endif
#endif

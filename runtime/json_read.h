/* json_read.h — crash JSON in, cJSON trees out, with Python's json.loads semantics.
 * Runtime stage, internal. Every value the runtime reads is a cJSON node built here, read
 * afterwards only through pyval.h, which knows the two fidelity extensions below. */
#ifndef SG_JSON_READ_H
#define SG_JSON_READ_H
#include <cjson/cJSON.h>
#include <stddef.h>
#include "arena.h"
#include "csiggen.h"

/* String nodes always carry this type bit and their byte length in valueint: strings may
 * hold NUL bytes (json.loads keeps "\u0000"). Number nodes whose valuestring is non-NULL keep
 * the original lexeme ("1.0", "4.5", "1e5", big ints, "NaN", "-Infinity"); NULL means an
 * integer exactly representable as a double (valuedouble holds it). */
#define SG_CJSON_HASLEN (1 << 12)
/* A thread the crash reader validated but did not build: a null node with this type bit. A
 * rule that reaches one must not read it as None (csig.c asks for a run with it built). */
#define SG_CJSON_UNBUILT (1 << 13)
/* A frame object the crash reader built is an sg_frame_node with this type bit: its fields
 * (what sg_frame_fields finds, normalize.h) sit after the node, so the frame list reads them
 * without walking the children. A reference to it (cJSON_IsReference) is a bare node. */
#define SG_CJSON_FRAME_REC (1 << 21)
typedef struct sg_frame_node {
    cJSON node;
    const cJSON *field[8]; /* SG_F_N */
} sg_frame_node;

/* sg_limits and sg_limits_default are public: csiggen.h. */


/* json.loads: any JSON value. Duplicate keys: the last value wins, at the first key's
 * position (a Python dict). Input must be strict UTF-8 (Python decodes stdin strictly).
 * Returns a tree the caller frees with cJSON_Delete, or NULL with err set (SG_EJSON with
 * Python's message and line/col, SG_ELIMIT, SG_ENOMEM). lim may be NULL (defaults). */
cJSON *sg_json_parse(const char *s, size_t len, const sg_limits *lim, sg_error *err);

/* The reader for crash documents: validates the whole document exactly as sg_json_parse,
 * but keeps only the first max_frames elements of any "frames" list inside a thread (Socorro
 * reads at most 40 frames, inlines counted), so a million frames cost no memory. */
cJSON *sg_json_read_crash(const char *s, size_t len, const sg_limits *lim, sg_error *err);
/* The same, with every node and string in `arena` (a few large blocks instead of a malloc a
 * node): the tree lives until the arena is reset and is never given to cJSON_Delete. With
 * thread0 0, thread 0 is built only when it is the crashing thread (only SignatureRunWatchDog
 * reads it; see SG_RULE_RETRY). */
cJSON *sg_json_read_crash_in(sg_arena *arena, const char *s, size_t len, const sg_limits *lim,
                             int thread0, sg_error *err);
#endif

/* csig.h — SignatureGenerationRule's C/C++/Rust part: the crashing thread's frames,
 * normalized and walked over the siglists (Socorro's CSignatureTool). Runtime stage. */
#ifndef SG_CSIG_H
#define SG_CSIG_H
#include <cjson/cJSON.h>
#include "result.h"

/* A conditional sentinel (Socorro: a (sentinel, condition) pair in its sentinel list). */
typedef struct sg_cond_sentinel {
    sg_str sentinel; /* a frame that starts the signature ... */
    sg_str when;     /* ... only when this frame occurs somewhere in the stack */
} sg_cond_sentinel;

/* get_crashing_thread, create_frame_list on threads[N] (glom semantics), generate, then
 * proto_signature / normalized_frames and set_signature when non-empty; notes and debug
 * lines under `rule`. thread0: SignatureRunWatchDog's crashing_thread = 0 override.
 * Returns SG_RULE_OK, SG_RULE_RAISED (r->exc set) or SG_RULE_FATAL. */
int sg_csig_rule(sg_result *r, const char *rule, const cJSON *crash_data, int thread0,
                 size_t max_frames, const sg_cond_sentinel *cond, size_t ncond);

/* OOMSignature's lookup: the crashing thread's .get(key); *out NULL when absent or when the
 * thread is falsy. AttributeError (raised) when the thread is not a dict. */
int sg_csig_thread_get(sg_result *r, const cJSON *crash_data, const char *key,
                       const cJSON **out);
/* CSignatureTool.generate over normalized frames: sentinels, irrelevant and prefix lists,
 * repeat skipping, the EMPTY cases. thread: str() of the crashing thread, NULL for None.
 * Notes and debug lines go to r under `rule` (the tool's own notes already say
 * "CSignatureTool: ..."). */
sg_str sg_csig_walk(sg_result *r, const char *rule, const sg_strvec *frames, const char *thread,
                    const sg_cond_sentinel *cond, size_t ncond);
#endif

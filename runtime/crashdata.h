/* crashdata.h — Socorro's convert_to_crash_data: a processed crash (with json_dump) to the
 * crash_data schema signature generation reads. Runtime stage. */
#ifndef SG_CRASHDATA_H
#define SG_CRASHDATA_H
#include <cjson/cJSON.h>
#include "csiggen.h"

/* Returns a new tree (free with cJSON_Delete before the processed document; it may refer
 * into it), or NULL with err set. */
cJSON *sg_convert_to_crash_data(const cJSON *processed, sg_error *err);
/* Whether the conversion reads this key of json_dump: the crash reader builds no other
 * (json_dump.modules alone is most of a processed crash). */
int sg_crashdata_reads_dump_key(const char *key, size_t len);
#endif

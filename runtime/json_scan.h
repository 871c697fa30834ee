/* json_scan.h — re2c-generated scanners for skipping JSON no rule reads (json_scan.re).
 * Runtime stage, internal. */
#ifndef SG_JSON_SCAN_H
#define SG_JSON_SCAN_H
#include <stddef.h>

/* A JSON string literal at s[0] == '"': bytes through its closing quote when every escape
 * and character is valid (json.loads would accept it), else 0 (decode it to word the error). */
size_t sg_json_skip_string(const char *s, size_t len);
#endif

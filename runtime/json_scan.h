/* json_scan.h — re2c-generated scanners for skipping JSON no rule reads (json_scan.re).
 * Runtime stage, internal. */
#ifndef SG_JSON_SCAN_H
#define SG_JSON_SCAN_H
#include <stddef.h>

/* A JSON string literal at s[0] == '"': bytes through its closing quote when every escape
 * and character is valid (json.loads would accept it), else 0 (decode it to word the error). */
size_t sg_json_skip_string(const char *s, size_t len);

/* The JSON value at s[pos] (after any whitespace) within s[0..len), validated without being
 * built: the position just past it, or 0 when the full reader must take it (an error to word,
 * nesting past `room` levels or 256, a string of more than max_string raw bytes, a number of
 * 1000 characters or more). UTF-8 must have been checked before. */
size_t sg_json_skip_value(const char *s, size_t pos, size_t len, size_t room, size_t max_string);
/* The same for the rest of an array: its elements from the one at s[pos] (after a '[' or a
 * ','), then its ']': the position just past that, or 0. room counts the array's own level,
 * so it is one more than the room of an element. */
size_t sg_json_skip_rest(const char *s, size_t pos, size_t len, size_t room, size_t max_string);
/* The object or array at s[pos] (no whitespace before it), or with rest the rest of an array
 * as above, with one block classifier (AVX-512 VBMI2 also flattens token positions with one
 * compress): the position past it, 0 when refused, (size_t)-1 when this build or processor
 * lacks that instruction set. For the tests, which hold every classifier against the DFA. */
enum { SG_SCAN_PORTABLE, SG_SCAN_SSE2, SG_SCAN_AVX2, SG_SCAN_AVX512, SG_SCAN_AVX512_VBMI2 };
size_t sg_json_skip_container_isa(const char *s, size_t pos, size_t len, size_t room, int isa, int rest);
/* sg_json_skip_value or (rest) sg_json_skip_rest one DFA run a token: what they fall back to
 * for scalars, strings and inputs longer than max_string, and what the tests hold the block
 * skip against. */
size_t sg_json_skip_tokens(const char *s, size_t pos, size_t len, size_t room, size_t max_string,
                           int rest);
#endif

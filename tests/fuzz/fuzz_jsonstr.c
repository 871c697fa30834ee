/* fuzz_jsonstr.c — libFuzzer target for JSON string literals (runtime/jsonstr.c; tests stage,
 * `make fuzz`): decode the (strict UTF-8) input as a string literal like json.loads; on success
 * check the json.dumps-style encoding round-trips: it is printable ASCII and decodes back to
 * the same bytes (NULs and lone surrogates included). */
#include "jsonstr.h"
#include "strict_utf8.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!strict_utf8(data, size))
        return 0; /* the reader rejects such lines before any string is decoded */
    /* a private copy starting with the opening quote, so ASan sees reads past the end */
    char *lit = malloc(size + 1);
    lit[0] = '"';
    memcpy(lit + 1, data, size);
    sg_buf dec, enc, again;
    sg_buf_init(&dec), sg_buf_init(&enc), sg_buf_init(&again);
    size_t errpos = 0;
    const char *errmsg = NULL;
    size_t used = sg_json_decode_string(lit, size + 1, &dec, &errpos, &errmsg);
    if (used == 0) {
        if (!errmsg || errpos > size + 1)
            abort(); /* an error must say what and where */
    } else {
        if (used > size + 1 || lit[used - 1] != '"')
            abort();
        sg_json_encode_string(&enc, dec.p ? dec.p : "", dec.len);
        for (size_t i = 0; i < enc.len; i++)
            if ((unsigned char)enc.p[i] < 0x20 || (unsigned char)enc.p[i] > 0x7e)
                abort(); /* ensure_ascii output is printable ASCII */
        size_t used2 = sg_json_decode_string(enc.p, enc.len, &again, &errpos, &errmsg);
        if (used2 != enc.len || again.len != dec.len ||
            (dec.len && memcmp(again.p, dec.p, dec.len) != 0))
            abort(); /* decode(encode(x)) == x */
    }
    sg_buf_free(&dec), sg_buf_free(&enc), sg_buf_free(&again);
    free(lit);
    return 0;
}

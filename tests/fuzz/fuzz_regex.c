/* fuzz_regex.c — libFuzzer target for sigc's regex front end (tests stage, `make fuzz`): the
 * input is the text of one siglist file; each line goes through what compiler/siglist.c does to
 * it (strict UTF-8, str.strip(), '#'/blank skipped, the line-size limit, the re2c lexer + Lemon
 * grammar with groups counted across the joined list, lowering). Only crashes, hangs, leaks and
 * sanitizer reports count: a parse error is a fine answer. */
#include "ast.h"
#include "strict_utf8.h"
#include "unicode.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static size_t last_cp_len(const char *s, size_t n, uint32_t *cp)
{
    size_t k = n - 1;
    while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
        k--;
    sg_utf8_decode(s + k, n - k, cp);
    return n - k;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *p = (const char *)data, *end = p + size;
    sgc_arena arena;
    sgc_names names;
    memset(&arena, 0, sizeof arena);
    memset(&names, 0, sizeof names);
    unsigned groups = 1;
    int first = 1;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *a = p, *b = nl ? nl : end;
        p = nl ? nl + 1 : end;
        if (!strict_utf8((const unsigned char *)a, (size_t)(b - a)))
            continue;
        while (a < b) {
            uint32_t cp;
            size_t n = sg_utf8_decode(a, (size_t)(b - a), &cp);
            if (!sg_u_isspace(cp))
                break;
            a += n;
        }
        while (b > a) {
            uint32_t cp;
            size_t n = last_cp_len(a, (size_t)(b - a), &cp);
            if (!sg_u_isspace(cp))
                break;
            b -= n;
        }
        if (a == b || *a == '#' || (size_t)(b - a) > SGC_MAX_LINE_BYTES)
            continue;
        /* a private NUL-terminated copy, so ASan sees any read past the pattern */
        char *pat = malloc((size_t)(b - a) + 1);
        memcpy(pat, a, (size_t)(b - a));
        pat[b - a] = 0;
        SgcParse ps;
        memset(&ps, 0, sizeof ps);
        ps.arena = &arena;
        ps.pat = pat;
        ps.patlen = (size_t)(b - a);
        ps.first_in_list = first;
        ps.names = &names;
        ps.groups = groups;
        first = 0;
        if (sgc_regex_parse(&ps) == 0 && ps.root) {
            unsigned pos = 0;
            char err[256];
            sgc_node *low = sgc_lower(&ps, ps.root, &pos, err, sizeof err);
            (void)sgc_nullable(ps.root);
            (void)sgc_expanded_size(ps.root);
            if (low) {
                uint32_t cps[64];
                size_t ncp;
                (void)sgc_literal(low, cps, 64, &ncp);
            }
        }
        groups = ps.groups;
        free(pat);
    }
    sgc_names_free(&names);
    sgc_arena_free(&arena);
    return 0;
}

/* t_scan.c — the block skip of runtime/json_scan.re (tests stage): every block classifier this
 * build and processor have (portable, SSE2, AVX2, AVX-512, AVX-512 VBMI2) must find the same end as the
 * token-at-a-time DFA, or refuse exactly where it refuses, on corpus documents, on the same
 * documents with bytes changed or cut short, and on escapes, control bytes and nesting placed
 * around the 64-byte block boundaries; and the string encoder's runs of plain bytes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "json_scan.h"
#include "jsonstr.h"
#include "testlib.h"

static const char *const isa_name[] = { "portable", "SSE2", "AVX2", "AVX-512", "AVX-512 VBMI2" };
enum { N_ISA = 5 };

/* How a comparison went, over many documents: the first difference is kept. */
typedef struct {
    size_t tried, differ, accepted;
    char first[512];
} tally;

/* The value at doc[pos], and the rest of an array from doc[pos], every classifier against
 * the DFA; room is the depth left. */
static void compare_at(tally *t, const char *doc, size_t pos, size_t len, size_t room, const char *what)
{
    for (int rest = 0; rest < 2; rest++) {
        size_t want = sg_json_skip_tokens(doc, pos, len, room, (size_t)1 << 40, rest);
        /* what the reader calls: the block skip for containers, the DFA for the rest */
        size_t got = rest ? sg_json_skip_rest(doc, pos, len, room, (size_t)1 << 40)
                          : sg_json_skip_value(doc, pos, len, room, (size_t)1 << 40);
        /* tried and accepted count values; an array's rest counts only when it differs */
        t->tried += !rest;
        t->accepted += !rest && got != 0;
        if (got != want && !t->differ++)
            snprintf(t->first, sizeof t->first, "%s (%s): %zu, token DFA %zu; %.80s", what,
                     rest ? "sg_json_skip_rest" : "sg_json_skip_value", got, want, doc + pos);
        if (pos >= len || (!rest && doc[pos] != '{' && doc[pos] != '['))
            continue; /* the block skip takes a container at pos, or an array's rest */
        for (int isa = 0; isa < N_ISA; isa++) {
            got = sg_json_skip_container_isa(doc, pos, len, room, isa, rest);
            if (got == (size_t)-1)
                continue; /* not in this build or on this processor */
            t->tried += !rest;
            t->accepted += !rest && got != 0;
            if (got != want && !t->differ++)
                snprintf(t->first, sizeof t->first, "%s (%s%s): block skip %zu, token DFA %zu; %.80s", what,
                         isa_name[isa], rest ? ", rest" : "", got, want, doc + pos);
        }
    }
}

static void compare(tally *t, const char *doc, size_t len, size_t room, const char *what)
{
    compare_at(t, doc, 0, len, room, what);
}

static char **corpus_lines(const char *rel, size_t *n, char **buf)
{
    const char *path = t_path("SG_SHARED", rel);
    *buf = path ? t_read_file(path, NULL) : NULL;
    if (!*buf) {
        t_skip("%s is missing", rel);
        *n = 0;
        return NULL;
    }
    return t_lines(*buf, n);
}

static const char *const files[] = { "corpus/crashes/synthetic.jsonl", "corpus/crashes/adversarial.jsonl",
                                     "corpus/crashes/processed.jsonl" };

SG_SUITE(scan_blocks_corpus)
{
    int have = 0;
    for (int isa = 0; isa < N_ISA; isa++)
        have += sg_json_skip_container_isa("{}", 0, 2, 10, isa, 0) == 2;
    CHECK(have >= 1, "at least the portable classifier runs (%d of %d)", have, N_ISA);
    for (int f = 0; f < 3; f++) {
        size_t n;
        char *buf;
        char **lines = corpus_lines(files[f], &n, &buf);
        tally t = { 0, 0, 0, "" };
        size_t lists = 0, rests = 0;
        for (size_t i = 0; i < n; i++) {
            size_t len = strlen(lines[i]);
            compare(&t, lines[i], len, 1000, files[f]);
            /* the rest of the first frames list, from its first frame on, as the reader skips
             * the frames past the 40 it builds */
            const char *list = strstr(lines[i], "\"frames\": [");
            if (list && list[11] != ']') {
                size_t at = (size_t)(list - lines[i]) + 11, end = sg_json_skip_rest(lines[i], at, len, 1000, len);
                compare_at(&t, lines[i], at, len, 1000, files[f]);
                lists++;
                rests += end > at && lines[i][end - 1] == ']';
            }
        }
        if (lists)
            CHECK(rests == lists, "%s: the rest of every frames list is skipped to its ']' (%zu of %zu)", files[f],
                  rests, lists);
        if (lines) {
            CHECK(t.differ == 0, "%s: %zu of %zu skips differ; first: %s", files[f], t.differ, t.tried, t.first);
            CHECK(t.accepted == t.tried, "%s: every corpus line is valid JSON (%zu of %zu accepted)", files[f],
                  t.accepted, t.tried);
        }
        free(lines);
        free(buf);
    }
}

/* The bytes a mutation writes: JSON's own punctuation, escapes, control and non-ASCII bytes,
 * scalar letters. */
static const char mutant[] = { '"', '\\', '\x01', '\x1f', '\t', '\n', '{', '}', '[', ']', ',', ':', '0', '-',
                               'e', 'E', '.', '+', 'u', 'n', 't', 'f', 'N', 'I', ' ', 'x', (char)0xC3, (char)0x80 };

SG_SUITE(scan_blocks_mutated)
{
    unsigned long long seed = 0x9E3779B97F4A7C15ull;
    for (int f = 0; f < 3; f++) {
        size_t n;
        char *buf;
        char **lines = corpus_lines(files[f], &n, &buf);
        tally t = { 0, 0, 0, "" };
        for (size_t i = 0; i < n && i < 150; i++) {
            size_t len = strlen(lines[i]);
            char *doc = malloc(len + 1);
            for (int k = 0; k < 60 && len > 2; k++) {
                memcpy(doc, lines[i], len + 1);
                seed = seed * 6364136223846793005ull + 1442695040888963407ull;
                size_t at = 1 + (size_t)(seed >> 33) % (len - 1), cut = len;
                if (k % 3 == 0) /* next to a block boundary */
                    at = (at & ~(size_t)63) + (size_t)(seed >> 20) % 3 - 1 + 64 * ((seed >> 24) & 1);
                if (at >= len)
                    at = len - 1;
                if (k % 11 == 10)
                    cut = at; /* cut short */
                else
                    doc[at] = mutant[(seed >> 40) % sizeof mutant];
                compare(&t, doc, cut, 1000, files[f]);
                /* from an inner container, as the reader skips a thread (bytes follow it), or
                 * the rest of a frames list from one of its frames */
                const char *open = strchr(doc + 1 + (size_t)(seed >> 45) % (len / 2), '{');
                if (open && (size_t)(open - doc) < cut)
                    compare_at(&t, doc, (size_t)(open - doc), cut, 1000, files[f]);
            }
            free(doc);
        }
        if (lines) {
            CHECK(t.differ == 0, "%s mutated: %zu of %zu skips differ; first: %s", files[f], t.differ, t.tried,
                  t.first);
            CHECK(t.accepted < t.tried && t.accepted > t.tried / 10,
                  "%s mutated: the mutations reach both outcomes (%zu of %zu accepted)", files[f], t.accepted,
                  t.tried);
        }
        free(lines);
        free(buf);
    }
}

/* Documents built around the block boundaries: a string of `pad` bytes, then `body`, in an
 * array, so that body's bytes fall on both sides of byte 64 as pad varies. */
static void around_boundary(tally *t, const char *body, size_t *valid)
{
    for (size_t pad = 40; pad < 140; pad++) {
        sg_buf b;
        sg_buf_init(&b);
        sg_buf_adds(&b, "[\"");
        for (size_t k = 0; k < pad; k++)
            sg_buf_addc(&b, (char)('a' + k % 26));
        sg_buf_adds(&b, body);
        sg_buf_adds(&b, "]");
        compare(t, b.p, b.len, 1000, body);
        *valid += sg_json_skip_tokens(b.p, 0, b.len, 1000, (size_t)1 << 40, 0) == b.len;
        sg_buf_free(&b);
    }
}

SG_SUITE(scan_blocks_edges)
{
    /* each body closes the string that around_boundary opens */
    static const char *const bodies[] = {
        "\"", "\\\"\"", "\\\\\"", "\\\\\\\"\"", "\\\\\\\\\"", "\\u00e9\"", "\\u12\"", "\\uD83D\\uDE00\"",
        "\\x\"", "\\/\\b\\f\\n\\r\\t\"", "\x01\"", "\t\"", "\"  ,  {\"a\" : [1, -2.5e+3, true, null]}",
        "\", 1.", "\", -", "\", -Infinity, NaN, Infinity", "\", nul", "\", truex", "\", 01", "\", 1e",
        "\", {\"k\": \"v\" \"w\"}", "\", {\"k\" \"v\"}", "\", {\"k\": }", "\", [1,]", "\", {,}", "\", {\"k\":1,}",
        "\"\t\r\n ,\t\"b\"", "\", {\"a\\\"b\": \"c\\\\\"}", "\", \"unterminated", "\", \"\\", "\"}", "\", {]",
        "\", [}", "\", \xC3\xA9", "\", \"\xC3\xA9\"", "\" \\ ", "\", 1 2", "\", \"a\":1",
    };
    tally t = { 0, 0, 0, "" };
    size_t valid = 0;
    for (size_t i = 0; i < sizeof bodies / sizeof bodies[0]; i++)
        around_boundary(&t, bodies[i], &valid);
    CHECK(t.differ == 0, "boundary cases: %zu of %zu skips differ; first: %s", t.differ, t.tried, t.first);
    CHECK(valid > 0 && t.accepted > 0 && t.accepted < t.tried, "boundary cases reach both outcomes (%zu of %zu)",
          t.accepted, t.tried);

    /* what follows the container is not the skip's to judge, even within its last block */
    static const char *const after[] = { " \"\x01\"", "\"\\q\"", " \\", "\"\t", " x", "\"\\u12" };
    tally a = { 0, 0, 0, "" };
    for (size_t i = 0; i < sizeof after / sizeof after[0]; i++)
        for (size_t pad = 0; pad < 70; pad++) {
            sg_buf b;
            sg_buf_init(&b);
            sg_buf_adds(&b, "{\"k\": \"");
            for (size_t k = 0; k < pad; k++)
                sg_buf_addc(&b, 'v');
            sg_buf_adds(&b, "\"}");
            size_t end = b.len;
            sg_buf_adds(&b, after[i]);
            compare(&a, b.p, b.len, 1000, after[i]);
            for (int isa = 0; isa < N_ISA; isa++) {
                size_t got = sg_json_skip_container_isa(b.p, 0, b.len, 1000, isa, 0);
                a.tried += got != (size_t)-1;
                if (got != (size_t)-1 && got != end && !a.differ++)
                    snprintf(a.first, sizeof a.first, "%s: %zu, not %zu", isa_name[isa], got, end);
            }
            sg_buf_free(&b);
        }
    CHECK(a.differ == 0, "bytes after the container: %zu of %zu differ; first: %s", a.differ, a.tried, a.first);

    /* strings that fill whole chunks of blocks (64 blocks) without a token */
    tally l = { 0, 0, 0, "" };
    static const size_t lens[] = { 4030, 4090, 4100, 8150, 8200, 12300, 70000 };
    for (size_t i = 0; i < sizeof lens / sizeof lens[0]; i++)
        for (int esc = 0; esc < 2; esc++) {
            sg_buf b;
            sg_buf_init(&b);
            sg_buf_adds(&b, "{\"k\": \"");
            for (size_t k = 0; k < lens[i]; k++)
                sg_buf_adds(&b, esc && k % 50 == 0 ? "\\n" : "x");
            sg_buf_adds(&b, "\", \"n\": [1, 2]}");
            compare(&l, b.p, b.len, 1000, "long string");
            l.differ += sg_json_skip_value(b.p, 0, b.len, 1000, (size_t)1 << 40) != b.len;
            sg_buf_free(&b);
        }
    CHECK(l.differ == 0 && l.accepted == l.tried, "long strings: %zu of %zu skips differ or refuse; first: %s",
          l.differ, l.tried, l.first);

    /* nesting: the depth left (room) and the 256-level stack refuse alike */
    tally d = { 0, 0, 0, "" };
    for (size_t depth = 250; depth < 262; depth++) {
        sg_buf b;
        sg_buf_init(&b);
        for (size_t k = 0; k < depth; k++)
            sg_buf_adds(&b, k % 2 ? "{\"k\":" : "[");
        for (size_t k = depth; k-- > 0;)
            sg_buf_adds(&b, k % 2 ? "}" : "]");
        compare(&d, b.p, b.len, 1000, "deep");
        compare(&d, b.p, b.len, depth, "deep, room = depth");
        compare(&d, b.p, b.len, depth - 1, "deep, room = depth - 1");
        sg_buf_free(&b);
    }
    CHECK(d.differ == 0, "nesting: %zu of %zu skips differ; first: %s", d.differ, d.tried, d.first);
    CHECK(d.accepted > 0 && d.accepted < d.tried, "nesting reaches both outcomes (%zu of %zu)", d.accepted, d.tried);

    /* what sg_json_skip_value gives the reader: leading whitespace, then the container */
    const char *doc = "  \t{\"a\": [1, {\"b\": \"\\u0041\"}]} trailing";
    CHECK(sg_json_skip_value(doc, 0, strlen(doc), 10, 100) == strlen(doc) - strlen(" trailing"),
          "the skip ends just past the container");
    CHECK(sg_json_skip_value(doc, 0, strlen(doc), 10, 7) == strlen(doc) - strlen(" trailing"),
          "a max_string under the input's size takes the token DFA, which finds the same end");
    CHECK(sg_json_skip_value(doc, 0, strlen(doc), 2, 100) == 0, "two levels of room refuse three");
}

/* json.dumps(ensure_ascii=True) of ASCII text, a byte at a time, as the encoder's runs of
 * plain bytes (sg_json_ascii_run, sixteen at a time) must reproduce it. */
static void dumps_ascii(sg_buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    sg_buf_addc(b, '"');
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        const char *e = c == '"' ? "\\\"" : c == '\\' ? "\\\\" : c == '\n' ? "\\n" : c == '\r' ? "\\r"
                        : c == '\t' ? "\\t" : c == '\b' ? "\\b" : c == '\f' ? "\\f" : NULL;
        if (e) {
            sg_buf_adds(b, e);
        } else if (c < 0x20 || c == 0x7F) {
            char u[7] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 15], 0 };
            sg_buf_adds(b, u);
        } else {
            sg_buf_addc(b, (char)c);
        }
    }
    sg_buf_addc(b, '"');
}

SG_SUITE(encode_ascii_runs)
{
    unsigned long long seed = 12345;
    size_t tried = 0, differ = 0;
    for (size_t len = 0; len < 80; len++)
        for (int rep = 0; rep < 40; rep++) {
            char s[80];
            for (size_t i = 0; i < len; i++) {
                seed = seed * 6364136223846793005ull + 1442695040888963407ull;
                /* mostly plain text, now and then a byte json.dumps escapes */
                unsigned r = (unsigned)(seed >> 33);
                s[i] = (char)(r % 9 ? 0x20 + (r >> 8) % 0x5F : (r >> 8) % 0x80);
            }
            sg_buf got, want;
            sg_buf_init(&got);
            sg_buf_init(&want);
            sg_json_encode_string(&got, s, len);
            dumps_ascii(&want, s, len);
            tried++;
            differ += got.len != want.len || memcmp(got.p, want.p, got.len) != 0;
            sg_buf_free(&got);
            sg_buf_free(&want);
        }
    CHECK(differ == 0, "%zu of %zu ASCII strings encode unlike json.dumps", differ, tried);
    sg_buf b;
    sg_buf_init(&b);
    /* json.dumps("caf\u00e9 \U0001F600 \x7f") in Python 3.11 */
    const char *want = "\"caf\\u00e9 \\ud83d\\ude00 \\u007f\"";
    sg_json_encode_string(&b, "caf\xC3\xA9 \xF0\x9F\x98\x80 \x7F", 12);
    CHECK(b.len == strlen(want) && memcmp(b.p, want, b.len) == 0,
          "non-ASCII and DEL as json.dumps writes them: %.*s", (int)b.len, b.p);
    sg_buf_free(&b);
}

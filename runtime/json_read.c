/* json_read.c — a JSON reader with Python's json.loads semantics that builds cJSON trees
 * (runtime stage). cJSON_Parse cannot be used: it keeps the first of duplicate keys, loses
 * number lexemes ("1.0" vs "1"), truncates strings at \u0000 and rejects NaN/Infinity. */
#include "json_read.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "json_scan.h"
#include "crashdata.h"
#include "jsonstr.h"
#include "normalize.h"

#if defined(__x86_64__) && defined(__GNUC__) && !defined(SG_NO_SIMD)
#include <immintrin.h>
#endif

/* Where the parser is in a crash document: decides which "frames" lists get capped. */
enum { P_OTHER, P_ROOT, P_DUMP, P_THREADS, P_DTHREADS, P_THREAD, P_FRAMES, P_INLINES, P_FRAME };

/* A crash's thread list, validated but not built: where each thread starts. */
typedef struct lazy_threads {
    cJSON *node;   /* the list in the tree, holding null placeholders; NULL when none */
    size_t *offs;
    size_t n, cap;
} lazy_threads;

typedef struct parser {
    const char *s;
    size_t len, pos;
    const sg_limits *lim;
    int crash;          /* sg_json_read_crash: cap thread frame lists */
    size_t depth;
    sg_buf str;         /* scratch for decoded strings */
    sg_error *err;
    int failed;
    int slow;           /* in a subtree the fast skip refused: validate it the slow way */
    sg_arena *arena;    /* where nodes and strings go; NULL: cJSON_malloc, one by one */
    int thread0;        /* build thread 0 even when it is not the crashing thread */
    lazy_threads lazy[2]; /* crash_data["threads"], crash_data["json_dump"]["threads"] */
    /* crashing_thread as read so far (the last duplicate): the root's, json_dump.crash_info's */
    const cJSON *read_ct[2];
} parser;

static int thread_index(const cJSON *ct, long long *idx);

void sg_limits_default(sg_limits *l)
{
    l->max_input = (size_t)64 << 20;
    l->max_depth = 1000;
    l->max_frames = 1000;
    l->max_string = (size_t)16 << 20;
}

/* Python counts positions in code points: "line L column C (char N)". */
static void fail_at(parser *p, sg_status code, const char *msg, size_t pos)
{
    if (p->failed)
        return;
    p->failed = 1;
    long line = 1, col = 1, chars = 0;
    for (size_t i = 0; i < pos && i < p->len; i++) {
        unsigned char c = (unsigned char)p->s[i];
        if ((c & 0xC0) == 0x80)
            continue;
        chars++;
        if (c == '\n')
            line++, col = 1;
        else
            col++;
    }
    p->err->code = code;
    p->err->line = line;
    p->err->col = col;
    snprintf(p->err->msg, sizeof p->err->msg, "%s: line %ld column %ld (char %ld)", msg, line,
             col, chars);
}

static void oom(parser *p)
{
    if (!p->failed) {
        p->failed = 1;
        p->err->code = SG_ENOMEM;
        snprintf(p->err->msg, sizeof p->err->msg, "out of memory while reading JSON");
    }
}

static inline void skip_ws(parser *p)
{
    /* most calls find a token, or one space before it */
    if (p->pos < p->len && (unsigned char)p->s[p->pos] > ' ')
        return;
    if (p->pos + 1 < p->len && p->s[p->pos] == ' ' && (unsigned char)p->s[p->pos + 1] > ' ') {
        p->pos++;
        return;
    }
    while (p->pos < p->len) {
        char c = p->s[p->pos];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            break;
        p->pos++;
    }
}

#if defined(__x86_64__) && defined(__GNUC__) && !defined(SG_NO_SIMD)
/* How many of the bytes at s[i..len) are ASCII, counted in whole steps of 128 bytes (AVX2,
 * where the processor has it: crash documents are nearly all ASCII, and this pass reads each
 * byte of them). */
__attribute__((target("avx2"))) static size_t ascii_run_avx2(const char *s, size_t i, size_t len)
{
    for (; i + 128 <= len; i += 128) {
        const __m256i *v = (const __m256i *)(const void *)(s + i);
        __m256i a = _mm256_or_si256(_mm256_loadu_si256(v), _mm256_loadu_si256(v + 1));
        __m256i b = _mm256_or_si256(_mm256_loadu_si256(v + 2), _mm256_loadu_si256(v + 3));
        if (_mm256_movemask_epi8(_mm256_or_si256(a, b)))
            break;
    }
    return i;
}
#endif

/* Python reads text strictly: invalid UTF-8 (and encoded surrogates) fail before parsing. */
static size_t bad_utf8(const char *s, size_t len)
{
    size_t i = 0;
#if defined(__x86_64__) && defined(__GNUC__) && !defined(SG_NO_SIMD)
    int avx2 = __builtin_cpu_supports("avx2");
#endif
    while (i < len) {
#if defined(__x86_64__) && defined(__GNUC__) && !defined(SG_NO_SIMD)
        if (avx2)
            i = ascii_run_avx2(s, i, len);
#endif
#if defined(__SSE2__) && defined(__GNUC__) && !defined(SG_NO_SIMD)
        /* thirty-two ASCII bytes at a time: one movemask of their high bits */
        while (i + 32 <= len) {
            __m128i a = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
            __m128i b = _mm_loadu_si128((const __m128i *)(const void *)(s + i + 16));
            if (_mm_movemask_epi8(_mm_or_si128(a, b)))
                break;
            i += 32;
        }
#endif
        /* eight ASCII bytes at a time */
        while (i + 8 <= len) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (w & 0x8080808080808080ull)
                break;
            i += 8;
        }
        if (i >= len)
            break;
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t n;
        unsigned cp;
        if (c >= 0xC2 && c <= 0xDF)
            n = 2, cp = c & 0x1Fu;
        else if (c >= 0xE0 && c <= 0xEF)
            n = 3, cp = c & 0x0Fu;
        else if (c >= 0xF0 && c <= 0xF4)
            n = 4, cp = c & 0x07u;
        else
            return i;
        if (i + n > len)
            return i;
        for (size_t k = 1; k < n; k++) {
            unsigned char d = (unsigned char)s[i + k];
            if ((d & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (d & 0x3Fu);
        }
        if ((n == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
            (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
            return i;
        i += n;
    }
    return (size_t)-1;
}

/* Memory for nodes and strings: from the arena when there is one (the tree then dies with
 * it, never through cJSON_Delete), else cJSON's allocator. */
static void *alloc(parser *p, size_t n)
{
    return p->arena ? sg_arena_alloc(p->arena, n) : cJSON_malloc(n);
}

static void release(parser *p, void *mem)
{
    if (!p->arena)
        cJSON_free(mem);
}

static void drop(parser *p, cJSON *node)
{
    if (!p->arena)
        cJSON_Delete(node);
}

/* cJSON_ReplaceItemViaPointer without freeing `old` when it lives in the arena. */
static void replace(parser *p, cJSON *parent, cJSON *old, cJSON *item)
{
    item->next = old->next;
    item->prev = old->prev;
    if (item->next)
        item->next->prev = item;
    if (parent->child == old) {
        if (old->prev == old)
            item->prev = item;
        parent->child = item;
    } else {
        item->prev->next = item;
        if (!item->next)
            parent->child->prev = item;
    }
    old->next = old->prev = NULL;
    drop(p, old);
}

/* cJSON_AddItemToArray for an item that is in no list: the first child's prev is the last. */
static void append(cJSON *parent, cJSON *item)
{
    cJSON *first = parent->child;
    if (!first) {
        parent->child = item;
        item->prev = item;
        return;
    }
    first->prev->next = item;
    item->prev = first->prev;
    first->prev = item;
}

static cJSON *new_node_of(parser *p, int type, size_t size)
{
    cJSON *n = alloc(p, size);
    if (!n) {
        oom(p);
        return NULL;
    }
    memset(n, 0, size);
    n->type = type;
    return n;
}

static cJSON *new_node(parser *p, int type) { return new_node_of(p, type, sizeof(cJSON)); }

static char *dup_bytes(parser *p, const char *s, size_t n)
{
    char *d = alloc(p, n + 1);
    if (!d) {
        oom(p);
        return NULL;
    }
    memcpy(d, s, n);
    d[n] = 0;
    return d;
}

/* Decodes the string at p->pos into p->str. Returns 0 on error. */
static int read_string(parser *p)
{
    size_t errpos = 0;
    const char *msg = NULL;
    sg_buf_reset(&p->str);
    size_t n = sg_json_decode_string(p->s + p->pos, p->len - p->pos, &p->str, &errpos, &msg);
    if (!n) {
        /* Python reports an unterminated string at its opening quote */
        fail_at(p, SG_EJSON, msg, errpos == p->len - p->pos ? p->pos : p->pos + errpos);
        return 0;
    }
    if (p->str.failed) {
        oom(p);
        return 0;
    }
    if (p->str.len > p->lim->max_string) {
        char m[96];
        snprintf(m, sizeof m, "string longer than the %zu-byte limit", p->lim->max_string);
        fail_at(p, SG_ELIMIT, m, p->pos);
        return 0;
    }
    p->pos += n;
    return 1;
}

/* Validates the string at p->pos without decoding it (what json.loads would reject is still
 * an error, at the same place); used for everything no rule reads. The re2c scanner takes
 * the common case; anything it refuses is decoded to word the error exactly. */
static int skip_string(parser *p)
{
    /* no escape before the closing quote (the common case): the SIMD run settles it */
    const char *raw = p->s + p->pos + 1;
    size_t run = sg_json_plain_run(raw, p->len - p->pos - 1);
    if (p->pos + 1 + run < p->len && raw[run] == '"' && run <= p->lim->max_string) {
        p->pos += run + 2;
        return 1;
    }
    size_t k = sg_json_skip_string(p->s + p->pos, p->len - p->pos);
    if (k && k - 2 <= p->lim->max_string) {
        p->pos += k;
        return 1;
    }
    return read_string(p);
}

/* A string node holding a copy of text[0..n). In an arena the node and its bytes are one
 * allocation (nothing is freed one by one there). */
static cJSON *string_node(parser *p, const char *text, size_t n)
{
    cJSON *node;
    if (p->arena) {
        if (!(node = alloc(p, sizeof(cJSON) + n + 1))) {
            oom(p);
            return NULL;
        }
        memset(node, 0, sizeof *node);
        node->type = cJSON_String | SG_CJSON_HASLEN;
        node->valuestring = memcpy((char *)(node + 1), text, n);
        node->valuestring[n] = 0;
    } else {
        node = new_node(p, cJSON_String | SG_CJSON_HASLEN);
        if (!node)
            return NULL;
        if (!(node->valuestring = dup_bytes(p, text, n))) {
            drop(p, node);
            return NULL;
        }
    }
    node->valueint = (int)n; /* bounded by max_string */
    return node;
}

static cJSON *make_string(parser *p, int build)
{
    if (!build) {
        skip_string(p);
        return NULL;
    }
    /* no escape before the closing quote (the common case): the bytes are the value */
    const char *raw = p->s + p->pos + 1, *text;
    size_t run = sg_json_plain_run(raw, p->len - p->pos - 1), n_text;
    if (p->pos + 1 + run < p->len && raw[run] == '"' && run <= p->lim->max_string) {
        text = raw;
        n_text = run;
        p->pos += run + 2;
    } else {
        if (!read_string(p))
            return NULL;
        text = p->str.p ? p->str.p : "";
        n_text = p->str.len;
    }
    return string_node(p, text, n_text);
}

static int is_digit(char c) { return c >= '0' && c <= '9'; }

static int starts(parser *p, const char *lit)
{
    size_t n = strlen(lit);
    return p->len - p->pos >= n && memcmp(p->s + p->pos, lit, n) == 0;
}

static cJSON *make_number(parser *p, double v, size_t start, int exact, int build)
{
    if (!build)
        return NULL;
    cJSON *n = new_node(p, cJSON_Number);
    if (!n)
        return NULL;
    n->valuedouble = v;
    n->valueint = v != v ? 0 : v >= 2147483647.0 ? 2147483647 : v <= -2147483648.0 ? -2147483647 - 1 : (int)v;
    if (!exact && !(n->valuestring = dup_bytes(p, p->s + start, p->pos - start))) {
        drop(p, n);
        return NULL;
    }
    return n;
}

/* json's NUMBER_RE: -?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)? with ASCII digits only. */
static cJSON *read_number(parser *p, int build, int *ok)
{
    size_t start = p->pos, i = p->pos;
    const char *s = p->s;
    if (i < p->len && s[i] == '-')
        i++;
    if (i >= p->len || !is_digit(s[i])) {
        *ok = 0;
        return NULL;
    }
    if (s[i] == '0')
        i++;
    else
        while (i < p->len && is_digit(s[i]))
            i++;
    size_t int_digits = i - start - (s[start] == '-');
    int is_float = 0;
    if (i + 1 < p->len && s[i] == '.' && is_digit(s[i + 1])) {
        is_float = 1;
        i++;
        while (i < p->len && is_digit(s[i]))
            i++;
    }
    if (i < p->len && (s[i] == 'e' || s[i] == 'E')) {
        size_t j = i + 1;
        if (j < p->len && (s[j] == '+' || s[j] == '-'))
            j++;
        if (j < p->len && is_digit(s[j])) {
            is_float = 1;
            while (j < p->len && is_digit(s[j]))
                j++;
            i = j;
        }
    }
    p->pos = i;
    *ok = 1;
    if (!is_float && int_digits > 4300) {
        /* Python 3.11's int() limit applies to json.loads too (sys.set_int_max_str_digits) */
        if (!p->failed) {
            p->failed = 1;
            p->err->code = SG_EJSON;
            snprintf(p->err->msg, sizeof p->err->msg,
                     "Exceeds the limit (4300 digits) for integer string conversion: value has "
                     "%zu digits; use sys.set_int_max_str_digits() to increase the limit",
                     int_digits);
        }
        *ok = 1;
        return NULL;
    }
    if (!build)
        return NULL; /* validated; its value is never read */
    if (!is_float && int_digits <= 15) {
        /* exact in a double: frame and line numbers, mostly */
        double v = 0;
        for (size_t k = start + (s[start] == '-'); k < i; k++)
            v = v * 10 + (s[k] - '0');
        return make_number(p, s[start] == '-' ? -v : v, start, 1, build);
    }
    char tmp[64];
    size_t n = i - start < sizeof tmp - 1 ? i - start : sizeof tmp - 1;
    memcpy(tmp, s + start, n);
    tmp[n] = 0;
    /* ints beyond 2^53 keep their digits: Python ints have any size */
    return make_number(p, strtod(tmp, NULL), start, 0, build);
}

static cJSON *read_value(parser *p, int build, int place);

/* Open-addressing index of an object's keys, so duplicate handling stays linear. */
typedef struct keyindex {
    cJSON **slot;
    size_t cap, n;
} keyindex;

static size_t key_hash(const char *k)
{
    size_t h = 1469598103934665603u;
    for (; *k; k++)
        h = (h ^ (unsigned char)*k) * 1099511628211u;
    return h;
}

static int index_add(keyindex *ix, cJSON *item)
{
    if ((ix->n + 1) * 2 > ix->cap) {
        size_t cap = ix->cap ? ix->cap * 2 : 64;
        cJSON **slot = calloc(cap, sizeof *slot);
        if (!slot)
            return 0;
        for (size_t i = 0; i < ix->cap; i++)
            if (ix->slot[i]) {
                size_t h = key_hash(ix->slot[i]->string) & (cap - 1);
                while (slot[h])
                    h = (h + 1) & (cap - 1);
                slot[h] = ix->slot[i];
            }
        free(ix->slot);
        ix->slot = slot;
        ix->cap = cap;
    }
    size_t h = key_hash(item->string) & (ix->cap - 1);
    while (ix->slot[h])
        h = (h + 1) & (ix->cap - 1);
    ix->slot[h] = item;
    ix->n++;
    return 1;
}

static cJSON **index_find(keyindex *ix, const char *key)
{
    if (!ix->cap)
        return NULL;
    size_t h = key_hash(key) & (ix->cap - 1);
    while (ix->slot[h]) {
        if (strcmp(ix->slot[h]->string, key) == 0)
            return &ix->slot[h];
        h = (h + 1) & (ix->cap - 1);
    }
    return NULL;
}

/* cJSON keys are C strings; a key holding NUL gets a 0xFF lead byte (never valid UTF-8) so
 * it can never be mistaken for the key it would otherwise be cut down to. */
/* A key's text: straight from the input when it has no escape (then it cannot hold NUL),
 * else decoded into p->str. */
typedef struct keytext {
    const char *s;
    size_t n;
    int nul; /* holds a NUL byte (from \u0000) */
} keytext;

static int read_key(parser *p, keytext *k)
{
    const char *raw = p->s + p->pos + 1;
    size_t run = sg_json_plain_run(raw, p->len - p->pos - 1);
    if (p->pos + 1 + run < p->len && raw[run] == '"' && run <= p->lim->max_string) {
        *k = (keytext){ raw, run, 0 };
        p->pos += run + 2;
        return 1;
    }
    if (!read_string(p))
        return 0;
    *k = (keytext){ p->str.p ? p->str.p : "", p->str.len, 0 };
    k->nul = memchr(k->s, 0, k->n) != NULL;
    return 1;
}

static char *make_key(parser *p, const keytext *kt)
{
    if (!kt->nul)
        return dup_bytes(p, kt->s, kt->n);
    char *k = alloc(p, kt->n + 2);
    if (!k) {
        oom(p);
        return NULL;
    }
    k[0] = (char)0xFF;
    for (size_t i = 0; i < kt->n; i++)
        k[i + 1] = kt->s[i] ? kt->s[i] : (char)0xFF;
    k[kt->n + 1] = 0;
    return k;
}

static int child_place(int place, const char *key)
{
    if (place == P_ROOT && strcmp(key, "threads") == 0)
        return P_THREADS;
    if (place == P_ROOT && strcmp(key, "json_dump") == 0)
        return P_DUMP;
    if (place == P_DUMP && strcmp(key, "threads") == 0)
        return P_DTHREADS;
    return P_OTHER;
}

_Static_assert(sizeof ((sg_frame_node *)0)->field == SG_F_N * sizeof(cJSON *),
               "sg_frame_node holds SG_F_N fields");

static void set_frame_fields(cJSON *obj, cJSON *const by_field[SG_F_N])
{
    memcpy(((sg_frame_node *)obj)->field, by_field, sizeof ((sg_frame_node *)obj)->field);
    obj->type |= SG_CJSON_FRAME_REC;
}

/* After a member or an element: its container's closer (1, read), a ',' and the whitespace
 * after it (0), or neither (-1, the error set). */
static int next_member(parser *p, char closer)
{
    skip_ws(p);
    if (p->pos < p->len && p->s[p->pos] == closer) {
        p->pos++;
        return 1;
    }
    if (p->pos >= p->len || p->s[p->pos] != ',') {
        fail_at(p, SG_EJSON, "Expecting ',' delimiter", p->pos);
        return -1;
    }
    p->pos++;
    skip_ws(p);
    return 0;
}

/* The key at p->pos (its opening quote) when it is one a stackwalker writes into every
 * frame, its closing quote included: past it, with its field (SG_F_*, or -1 for the keys no
 * rule reads); 0 otherwise (read_key then reads it, and words any error). No scan for the
 * quote: matched in place. */
static int usual_frame_key(parser *p, int *field)
{
    const char *k = p->s + p->pos + 1;
    size_t room = p->len - p->pos - 1;
#define USUAL(lit, f)                                                                          \
    if (room >= sizeof lit - 1 && memcmp(k, lit, sizeof lit - 1) == 0 &&                      \
        sizeof lit - 2 <= p->lim->max_string) {                                                \
        p->pos += sizeof lit;                                                                  \
        *field = f;                                                                            \
        return 1;                                                                              \
    }
    switch (room ? k[0] : 0) {
    case 'm':
        USUAL("module\"", SG_F_MODULE)
        USUAL("module_offset\"", -1)
        break;
    case 'f':
        USUAL("function\"", SG_F_FUNCTION)
        USUAL("file\"", SG_F_FILE)
        USUAL("frame\"", -1)
        USUAL("function_offset\"", -1)
        break;
    case 'l': USUAL("line\"", SG_F_LINE) break;
    case 'o': USUAL("offset\"", SG_F_OFFSET) break;
    case 't': USUAL("trust\"", -1) break;
    case 'i': USUAL("inlines\"", SG_F_INLINES) break;
    }
#undef USUAL
    return 0;
}

/* A frame member's value: the usual ones, a string or a number, read here without
 * read_value's dispatch; read_value takes the rest (and words every error, a number's
 * included). */
static cJSON *member_value(parser *p, int build, int place)
{
    char c = p->pos < p->len ? p->s[p->pos] : 0;
    if (c == '"')
        return make_string(p, build);
    if (c == '-' || is_digit(c)) {
        int ok;
        cJSON *n = read_number(p, build, &ok);
        if (ok)
            return n;
    }
    return read_value(p, build, place);
}

/* The members of a frame object being built (its '{' read, not empty): what read_object
 * does for P_FRAME, with nothing else to decide. A frame's keys are the fields the frame
 * list reads, kept under their constant names (a later duplicate wins, at the first one's
 * place), or validated and dropped. Most values are strings, read here directly. */
static cJSON *read_frame_members(parser *p, cJSON *obj)
{
    cJSON *by_field[SG_F_N] = { NULL };
    for (;;) {
        if (p->pos >= p->len || p->s[p->pos] != '"') {
            fail_at(p, SG_EJSON, "Expecting property name enclosed in double quotes", p->pos);
            break;
        }
        int field;
        if (!usual_frame_key(p, &field)) {
            keytext kt;
            if (!read_key(p, &kt))
                break;
            field = kt.nul ? -1 : sg_frame_field_of_n(kt.s, kt.n);
        }
        /* normalize_frame takes module_offset and never reads it: validated, not built */
        if (field == SG_F_MODULE_OFFSET)
            field = -1;
        skip_ws(p);
        if (p->pos >= p->len || p->s[p->pos] != ':') {
            fail_at(p, SG_EJSON, "Expecting ':' delimiter", p->pos);
            break;
        }
        p->pos++;
        skip_ws(p);
        if (field < 0) {
            member_value(p, 0, P_OTHER);
            if (p->failed)
                break;
        } else {
            cJSON *val = member_value(p, 1, field == SG_F_INLINES ? P_INLINES : P_OTHER);
            if (p->failed)
                break;
            val->string = (char *)(uintptr_t)sg_frame_field_name[field];
            val->type |= cJSON_StringIsConst; /* a constant key: cJSON_Delete leaves it */
            cJSON *dup = by_field[field];
            by_field[field] = val;
            if (dup)
                replace(p, obj, dup, val);
            else
                append(obj, val);
        }
        int end = next_member(p, '}');
        if (end > 0) {
            set_frame_fields(obj, by_field);
            return obj;
        }
        if (end < 0)
            break;
    }
    drop(p, obj);
    return NULL;
}

static cJSON *read_object(parser *p, int build, int place)
{
    int rec = build && place == P_FRAME;
    cJSON *obj = !build ? NULL
                 : rec ? new_node_of(p, cJSON_Object, sizeof(sg_frame_node))
                       : new_node(p, cJSON_Object);
    keyindex ix = { NULL, 0, 0 };
    size_t nkeys = 0;
    if (build && !obj)
        return NULL;
    p->pos++; /* '{' */
    skip_ws(p);
    if (rec) {
        if (p->pos < p->len && p->s[p->pos] == '}') {
            p->pos++;
            obj->type |= SG_CJSON_FRAME_REC; /* no fields: the record's are all NULL */
            return obj;
        }
        return read_frame_members(p, obj);
    }
    if (p->pos < p->len && p->s[p->pos] == '}') {
        p->pos++;
        return obj;
    }
    for (;;) {
        if (p->pos >= p->len || p->s[p->pos] != '"') {
            fail_at(p, SG_EJSON, "Expecting property name enclosed in double quotes", p->pos);
            break;
        }
        int need_key = build || place == P_ROOT || place == P_DUMP;
        keytext kt = { "", 0, 0 };
        if (!(need_key ? read_key(p, &kt) : skip_string(p)))
            break;
        int keep = build;
        if (place == P_DUMP && build) {
            /* the rest of json_dump (its modules above all) is validated, not built */
            keep = !kt.nul && sg_crashdata_reads_dump_key(kt.s, kt.n);
        }
        int named = keep || place == P_ROOT || place == P_DUMP;
        char *key = need_key && named ? make_key(p, &kt) : NULL;
        if (named && !key)
            break;
        skip_ws(p);
        if (p->pos >= p->len || p->s[p->pos] != ':') {
            fail_at(p, SG_EJSON, "Expecting ':' delimiter", p->pos);
            release(p, key);
            break;
        }
        p->pos++;
        skip_ws(p);
        int sub = key ? child_place(place, key) : P_OTHER;
        if (place == P_THREAD && key && strcmp(key, "frames") == 0)
            sub = P_FRAMES; /* the frames list itself: capped */
        cJSON *val = read_value(p, keep, sub);
        if (p->failed) {
            release(p, key);
            break;
        }
        if (keep) {
            val->string = key;
            if (place == P_ROOT && strcmp(key, "crashing_thread") == 0)
                p->read_ct[0] = val;
            if (place == P_DUMP && strcmp(key, "crash_info") == 0)
                p->read_ct[1] = cJSON_IsObject(val) ? cJSON_GetObjectItemCaseSensitive(val, "crashing_thread") : NULL;
            /* Python dict: the last duplicate's value, at the first key's position. Small
             * objects are scanned; big ones get a hash index. */
            cJSON *dup = NULL;
            if (nkeys < 16) {
                for (cJSON *c = obj->child; c && !dup; c = c->next)
                    if (strcmp(c->string, key) == 0)
                        dup = c;
            } else {
                if (!ix.cap)
                    for (cJSON *c = obj->child; c; c = c->next)
                        if (!index_add(&ix, c)) {
                            oom(p);
                            break;
                        }
                cJSON **slot = index_find(&ix, key);
                dup = slot ? *slot : NULL;
                if (slot)
                    *slot = val;
            }
            if (dup) {
                replace(p, obj, dup, val);
            } else {
                cJSON_AddItemToArray(obj, val);
                nkeys++;
                if (ix.cap && !index_add(&ix, val)) {
                    oom(p);
                    break;
                }
            }
        } else {
            release(p, key);
        }
        int end = next_member(p, '}');
        if (end > 0) {
            free(ix.slot);
            return obj;
        }
        if (end < 0)
            break;
    }
    free(ix.slot);
    drop(p, obj);
    return NULL;
}

static cJSON *read_array(parser *p, int build, int place)
{
    cJSON *arr = build ? new_node(p, cJSON_Array) : NULL;
    size_t count = 0;
    if (build && !arr)
        return NULL;
    /* a crashing_thread read before the threads names the thread to build now rather than
     * skip now and build later (build_read_threads still decides on the last duplicate) */
    long long now = -1;
    const cJSON *ct = place == P_THREADS ? p->read_ct[0] : place == P_DTHREADS ? p->read_ct[1] : NULL;
    if (p->crash && build && ct && !thread_index(ct, &now))
        now = -1;
    p->pos++; /* '[' */
    skip_ws(p);
    if (p->pos < p->len && p->s[p->pos] == ']') {
        p->pos++;
        return arr;
    }
    for (;;) {
        /* a thread's frames past max_frames are validated but never built: all in one skip
         * (the array's own level counts in its room) */
        if (p->crash && place == P_FRAMES && count >= p->lim->max_frames && !p->slow) {
            size_t end = sg_json_skip_rest(p->s, p->pos, p->len, p->lim->max_depth - p->depth + 1,
                                           p->lim->max_string);
            if (end) {
                p->pos = end;
                return arr;
            }
        }
        int keep = build && !(p->crash && place == P_FRAMES && count >= p->lim->max_frames);
        lazy_threads *lz = NULL;
        if (p->crash && build && (place == P_THREADS || place == P_DTHREADS)) {
            /* threads are only validated now; the ones a rule can read are built later */
            lz = &p->lazy[place == P_DTHREADS];
            lz->node = arr;
            if (lz->n == lz->cap) {
                size_t cap = lz->cap ? lz->cap * 2 : 64;
                size_t *o = realloc(lz->offs, cap * sizeof *o);
                if (!o) {
                    oom(p);
                    break;
                }
                lz->offs = o;
                lz->cap = cap;
            }
            lz->offs[lz->n++] = p->pos;
            keep = (long long)count == now || (count == 0 && p->thread0);
        }
        int sub = place == P_THREADS || place == P_DTHREADS ? P_THREAD
                  : place == P_FRAMES || place == P_INLINES ? P_FRAME : P_OTHER;
        cJSON *val = read_value(p, keep, sub);
        if (p->failed)
            break;
        if (lz && !keep && !(val = new_node(p, cJSON_NULL | SG_CJSON_UNBUILT)))
            break;
        if (keep || lz)
            cJSON_AddItemToArray(arr, val);
        count++;
        int end = next_member(p, ']');
        if (end > 0)
            return arr;
        if (end < 0)
            break;
    }
    drop(p, arr);
    return NULL;
}

static cJSON *read_value(parser *p, int build, int place)
{
    if (!build && !p->slow) {
        /* most of a crash document: validated by the re2c scanner, never built */
        size_t end = sg_json_skip_value(p->s, p->pos, p->len, p->lim->max_depth - p->depth,
                                        p->lim->max_string);
        if (end) {
            p->pos = end;
            return NULL;
        }
        /* once refused, this subtree is read the slow way all through (no quadratic retry) */
        p->slow = 1;
        read_value(p, 0, place);
        p->slow = 0;
        return NULL;
    }
    if (p->pos >= p->len) {
        fail_at(p, SG_EJSON, "Expecting value", p->pos);
        return NULL;
    }
    char c = p->s[p->pos];
    if (p->crash && build && (place == P_THREADS || place == P_DTHREADS)) {
        /* a later duplicate "threads" replaces the earlier one */
        p->lazy[place == P_DTHREADS].node = NULL;
        p->lazy[place == P_DTHREADS].n = 0;
    }
    if (c == '{' || c == '[') {
        if (++p->depth > p->lim->max_depth) {
            char m[96];
            snprintf(m, sizeof m, "JSON nested deeper than the %zu-level limit",
                     p->lim->max_depth);
            fail_at(p, SG_ELIMIT, m, p->pos);
            return NULL;
        }
        cJSON *v = c == '{' ? read_object(p, build, place) : read_array(p, build, place);
        p->depth--;
        return v;
    }
    if (c == '"')
        return make_string(p, build);
    if (c == '-' || is_digit(c)) {
        int ok;
        cJSON *n = read_number(p, build, &ok);
        if (ok || !starts(p, "-Infinity")) {
            if (!ok)
                fail_at(p, SG_EJSON, "Expecting value", p->pos);
            return n;
        }
    }
    static const struct { const char *lit; int type; double num; } lits[] = {
        { "null", cJSON_NULL, 0 }, { "true", cJSON_True, 0 }, { "false", cJSON_False, 0 },
    };
    for (size_t i = 0; i < sizeof lits / sizeof lits[0]; i++)
        if (starts(p, lits[i].lit)) {
            p->pos += strlen(lits[i].lit);
            return build ? new_node(p, lits[i].type) : NULL;
        }
    /* json.loads accepts Python's float constants */
    static const char *consts[] = { "NaN", "Infinity", "-Infinity" };
    for (size_t i = 0; i < 3; i++)
        if (starts(p, consts[i])) {
            size_t start = p->pos;
            p->pos += strlen(consts[i]);
            double v = i == 0 ? strtod("nan", NULL) : i == 1 ? strtod("inf", NULL)
                                                             : -strtod("inf", NULL);
            return make_number(p, v, start, 0, build);
        }
    int ok;
    cJSON *n = read_number(p, build, &ok);
    if (!ok)
        fail_at(p, SG_EJSON, "Expecting value", p->pos);
    return n;
}

/* Which thread the rules can read: int(crashing_thread) as get_crashing_thread computes it.
 * Returns 0 when unsure (then every thread is built). */
static int thread_index(const cJSON *ct, long long *idx)
{
    *idx = 0;
    if (!ct || cJSON_IsNull(ct) || cJSON_IsArray(ct) || cJSON_IsObject(ct))
        return 1; /* int() raises TypeError: thread 0 */
    if (cJSON_IsBool(ct)) {
        *idx = cJSON_IsTrue(ct);
        return 1;
    }
    if (cJSON_IsNumber(ct)) {
        double d = ct->valuedouble;
        if (d != d || d > 1e15 || d < -1e15)
            return d != d; /* NaN: ValueError, thread 0; huge: out of any list */
        *idx = (long long)d;
        return 1;
    }
    /* a str: only the plain ASCII form is decided here */
    const char *q = ct->valuestring;
    size_t n = (ct->type & SG_CJSON_HASLEN) ? (size_t)ct->valueint : strlen(q), i = 0;
    while (i < n && q[i] == ' ')
        i++;
    int neg = i < n && q[i] == '-';
    i += i < n && (q[i] == '-' || q[i] == '+');
    size_t start = i;
    long long v = 0;
    while (i < n && q[i] >= '0' && q[i] <= '9' && i - start < 15)
        v = v * 10 + (q[i++] - '0');
    while (i < n && q[i] == ' ')
        i++;
    if (i != n || i == start)
        return 0;
    *idx = neg ? -v : v;
    return 1;
}

/* Builds thread 0 and the crashing thread (negative indexes count from the end) of each
 * lazily read thread list; the others stay null placeholders no rule ever reads. */
static void build_read_threads(parser *p, cJSON *root)
{
    for (int k = 0; k < 2 && !p->failed; k++) {
        lazy_threads *lz = &p->lazy[k];
        if (!lz->node)
            continue;
        const cJSON *holder = root, *ct;
        if (k == 1) {
            holder = cJSON_IsObject(root) ? cJSON_GetObjectItemCaseSensitive(root, "json_dump") : NULL;
            holder = cJSON_IsObject(holder) ? cJSON_GetObjectItemCaseSensitive(holder, "crash_info") : NULL;
        }
        ct = cJSON_IsObject(holder) ? cJSON_GetObjectItemCaseSensitive(holder, "crashing_thread") : NULL;
        long long idx, n = (long long)lz->n;
        int sure = thread_index(ct, &idx);
        if (idx < 0)
            idx += n;
        for (long long i = 0; i < n && !p->failed; i++) {
            if (sure && i != idx && !(i == 0 && p->thread0))
                continue;
            cJSON *placeholder = cJSON_GetArrayItem(lz->node, (int)i);
            if (!placeholder || !(placeholder->type & SG_CJSON_UNBUILT))
                continue; /* built as it was read */
            parser q = *p;
            q.pos = lz->offs[i];
            q.depth = (size_t)k + 2;
            q.lazy[0].node = q.lazy[1].node = NULL;
            cJSON *t = read_value(&q, 1, P_THREAD);
            p->str = q.str; /* the scratch buffer may have moved */
            if (q.failed) {
                p->failed = 1;
                break;
            }
            replace(p, lz->node, placeholder, t);
        }
    }
}

static cJSON *parse(const char *s, size_t len, const sg_limits *lim, sg_error *err, int crash,
                    sg_arena *arena, int thread0)
{
    sg_limits dflt;
    if (!lim) {
        sg_limits_default(&dflt);
        lim = &dflt;
    }
    memset(err, 0, sizeof *err);
    parser p = { s, len, 0, lim, crash, 0, { NULL, 0, 0, 0 }, err, 0, 0, arena, thread0,
                 { { NULL, NULL, 0, 0 }, { NULL, NULL, 0, 0 } }, { NULL, NULL } };
    if (len > lim->max_input) {
        err->code = SG_ELIMIT;
        snprintf(err->msg, sizeof err->msg, "input of %zu bytes exceeds the %zu-byte limit", len,
                 lim->max_input);
        return NULL;
    }
    size_t bad = bad_utf8(s, len);
    if (bad != (size_t)-1) {
        err->code = SG_EJSON;
        err->col = (long)bad + 1;
        snprintf(err->msg, sizeof err->msg,
                 "'utf-8' codec can't decode byte 0x%02x in position %zu: invalid UTF-8",
                 (unsigned char)s[bad], bad);
        return NULL;
    }
    if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
        /* json.loads refuses a str that starts with U+FEFF */
        err->code = SG_EJSON;
        err->line = err->col = 1;
        snprintf(err->msg, sizeof err->msg,
                 "Unexpected UTF-8 BOM (decode using utf-8-sig): line 1 column 1 (char 0)");
        return NULL;
    }
    skip_ws(&p);
    cJSON *root = read_value(&p, 1, crash ? P_ROOT : P_OTHER);
    if (!p.failed) {
        skip_ws(&p);
        if (p.pos < len)
            fail_at(&p, SG_EJSON, "Extra data", p.pos);
    }
    if (!p.failed && crash)
        build_read_threads(&p, root);
    sg_buf_free(&p.str);
    free(p.lazy[0].offs);
    free(p.lazy[1].offs);
    if (p.failed) {
        drop(&p, root);
        return NULL;
    }
    return root;
}

cJSON *sg_json_parse(const char *s, size_t len, const sg_limits *lim, sg_error *err)
{
    return parse(s, len, lim, err, 0, NULL, 1);
}

cJSON *sg_json_read_crash(const char *s, size_t len, const sg_limits *lim, sg_error *err)
{
    return parse(s, len, lim, err, 1, NULL, 1);
}

cJSON *sg_json_read_crash_in(sg_arena *arena, const char *s, size_t len, const sg_limits *lim,
                             int thread0, sg_error *err)
{
    return parse(s, len, lim, err, 1, arena, thread0);
}

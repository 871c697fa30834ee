/* ast.h — the regex AST sigc builds for one siglist line, the parse state the re2c lexer and
 * the Lemon grammar share, and the passes over the AST (Python-re validity, anchors, prefix
 * simplification). Compiler stage. */
#ifndef SGC_AST_H
#define SGC_AST_H
#include "util.h"
#include <stddef.h>
#include <stdint.h>

#define SGC_INF UINT32_MAX          /* unbounded repeat */
/* Limits that keep every DFA small and every build fast (documented in docs/sigc.md). */
#define SGC_MAX_REPEAT 100          /* largest finite counted repeat bound left after simplification */
#define SGC_MAX_NODES 4000          /* AST nodes per line once counted repeats are expanded */
#define SGC_MAX_LINE_BYTES 4096     /* bytes in one pattern line */
#define SGC_MAX_ANCHOR_SPLIT 512    /* branches made while removing anchors from one line */

typedef enum {
    SGC_N_EMPTY,  /* matches "" */
    SGC_N_NEVER,  /* matches nothing */
    SGC_N_SET,    /* one code point from a set of ranges */
    SGC_N_CAT,
    SGC_N_ALT,
    SGC_N_REP,
    SGC_N_BOL,    /* ^ or \A: only at position 0 (re.match, no MULTILINE) */
    SGC_N_EOL,    /* $: at the end or before a final newline */
    SGC_N_EOS,    /* \Z: at the end */
    SGC_N_END     /* the virtual end marker byte 0xFF that matchers see after the subject */
} sgc_nkind;

typedef struct sgc_range {
    uint32_t lo, hi;
} sgc_range;

typedef struct sgc_node sgc_node;
struct sgc_node {
    sgc_nkind kind;
    unsigned col;          /* 0-based code point offset in the pattern (for messages) */
    sgc_node **kids;       /* CAT, ALT; REP has kids[0] */
    size_t nkids;
    uint32_t min, max;     /* REP */
    sgc_range *set;        /* SET: sorted, merged, non-empty */
    size_t nset;
    int quantified;        /* REP made by a quantifier directly (for "multiple repeat") */
};

/* One token from the lexer; also Lemon's token type. */
typedef struct sgc_tok {
    unsigned pos;          /* 0-based code point offset in the pattern */
    uint32_t cp, cp2;      /* CHAR, CCHAR, CRANGE (cp..cp2) */
    uint32_t min, max;     /* QUANT */
    int kind;              /* CLASSESC/CSET: 'd','D','s','S','w','W'; LBRACKET: negated */
} sgc_tok;

/* Where a line came from and what the list has seen so far (groups are numbered across the
 * joined pattern, as Python sees it). */
typedef struct sgc_names {
    char **v;
    unsigned *gid; /* the group number (joined pattern) each name was given */
    size_t n, cap;
} sgc_names;
void sgc_names_free(sgc_names *ns);

typedef struct SgcParse {
    sgc_arena *arena;
    const char *pat;       /* the stripped pattern */
    size_t patlen;
    int first_in_list;     /* pattern starts the joined pattern (flags allowed there) */
    unsigned groups;       /* capture groups opened so far in the joined pattern (+1 like sre) */
    sgc_names *names;      /* group names so far in the joined pattern */
    /* result */
    sgc_node *root;
    int failed;
    unsigned err_pos;      /* 0-based code point offset of the error */
    char err[256];
} SgcParse;

/* Parses one pattern (grammar in regex.y, tokens from regex_lex.re). Returns 0 and sets
 * p->root, or -1 with p->err and p->err_pos set. */
int sgc_regex_parse(SgcParse *p);

/* Builders used by the grammar. */
sgc_node *sgc_node_new(SgcParse *p, sgc_nkind kind, unsigned col);
sgc_node *sgc_node_char(SgcParse *p, uint32_t cp, unsigned col);
sgc_node *sgc_node_class(SgcParse *p, int kind, unsigned col); /* d D s S w W and '.' */
sgc_node *sgc_node_add(SgcParse *p, sgc_node *list, sgc_node *kid);
sgc_node *sgc_apply_quant(SgcParse *p, sgc_node *seq, const sgc_tok *q);
/* Character class under construction: items appended as ranges, negated at the end. */
sgc_node *sgc_class_add_range(SgcParse *p, sgc_node *cls, uint32_t lo, uint32_t hi);
sgc_node *sgc_class_add_esc(SgcParse *p, sgc_node *cls, int kind);
sgc_node *sgc_class_finish(SgcParse *p, sgc_node *cls, int negated);
void sgc_parse_error(SgcParse *p, unsigned pos, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Lexer (regex_lex.re). */
typedef struct SgcLex {
    const unsigned char *start, *cur, *lim;
    int in_class, class_first;
    unsigned depth;
    unsigned open_pos[256];   /* positions of open parentheses (depth capped) */
    unsigned open_gid[256];   /* their capture group numbers, 0 for a group that captures nothing */
    unsigned groups0;         /* p->groups when this line began: Python compiles each line alone */
    size_t names0;            /* p->names->n then */
    const unsigned char *flags_end; /* after the leading global flags groups read so far */
    int prev;                 /* the last token's code (0 at the start) */
    int unclosed;             /* the end came with groups open: closed there, reported after */
    unsigned unclosed_pos;    /* where the innermost of them opened */
    /* errors Python's compile of the line alone does not raise, kept while the line is read on:
     * [0] only the joined list fails, [1] a DFA cannot run it */
    int has_deferred[2];
    unsigned deferred_pos[2];
    char deferred[2][256];
    unsigned class_pos;
    int pending_rbrack;
    SgcParse *p;
} SgcLex;
/* Returns the next token code (RX_*), 0 at the end, -1 on error (p->err set). */
int sgc_lex(SgcLex *lx, sgc_tok *t);
unsigned sgc_lex_pos(const SgcLex *lx, const unsigned char *at);

/* Passes (ast.c). */
int sgc_nullable(const sgc_node *n);
int sgc_has_anchor(const sgc_node *n);
/* Rewrites a parsed line into an anchor-free node over code points plus SGC_N_END that
 * matches a prefix of subject+END exactly when the line matches a prefix of subject, with
 * nullable tails dropped. Returns NULL with *err set on a limit or an unsupported shape. */
sgc_node *sgc_lower(SgcParse *p, sgc_node *root, unsigned *err_pos, char *err, size_t errsz);
/* Nodes after expanding counted repeats (saturates). */
size_t sgc_expanded_size(const sgc_node *n);
/* 1 when n is a plain sequence of single code points (a literal); fills up to max cps. */
int sgc_literal(const sgc_node *n, uint32_t *cps, size_t max, size_t *ncp);
#endif

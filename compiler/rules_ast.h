/* rules_ast.h — syntax tree of a pipeline.rules file, built by the Lemon grammar rules.y and
 * read by the emitter (rules_emit.c) and the doc renderer (rules_doc.c). Compiler stage. */
#ifndef SGC_RULES_AST_H
#define SGC_RULES_AST_H
#include <stddef.h>
#include "diag.h"
#include "util.h"

typedef enum {
    RN_STR, RN_INT, RN_NONE, RN_TRUE, RN_FALSE, RN_SIG, RN_NAME, RN_LIST, RN_GET, RN_ITEM,
    RN_CALL, RN_NOT, RN_AND, RN_OR, RN_IN, RN_NOTIN, RN_EQ, RN_NE, RN_LT, RN_LE, RN_GT,
    RN_GE, RN_ISNONE, RN_ISNOTNONE, RN_ADD,
    /* statements */
    RN_IF, RN_ASSIGN, RN_SETSIG, RN_RETURN, RN_INFO, RN_DEBUG, RN_EXPR, RN_TRY, RN_BLOCK,
    /* declarations */
    RN_RULE, RN_CONST
} rn_kind;

typedef struct rnode rnode;
struct rnode {
    rn_kind kind;
    unsigned line, col;
    const char *s;    /* decoded string / identifier (NUL-terminated, len below) */
    size_t len;
    long num;         /* RN_INT; RN_TRY: exception mask */
    rnode *a, *b, *c; /* operands / condition, then, else / rule: when, body, doc */
    rnode *next;      /* next in a list (arguments, statements, declarations) */
};

/* A token's value as the lexer hands it to the parser. */
typedef struct rtok {
    const char *s;
    size_t len;
    unsigned line, col;
} rtok;

typedef struct rparse {
    const char *file;
    const char *src;
    size_t src_len;
    sgc_arena *arena;
    sgc_diags *diags;
    rnode *decls;       /* the program, in source order */
    rnode **tail;
    unsigned line_of_error;
} rparse;

rnode *rn_new(rparse *p, rn_kind k, rtok t);
rnode *rn_append(rnode *list, rnode *item); /* returns the list head */
void rn_error(rparse *p, unsigned line, unsigned col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Decodes a string literal token into the arena; reports bad escapes. */
rnode *rn_string(rparse *p, rtok t);

int sgc_rules_lex(const unsigned char **pos, const unsigned char *lim,
                  const unsigned char **start);
/* Parses a rules file into p->decls; returns the number of errors. */
int sgc_rules_parse(rparse *p);
#endif

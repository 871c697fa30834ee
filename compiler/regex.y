/* regex.y — Lemon grammar for one siglist regex (Python 3 `re` syntax). Compiler stage.
 * Tokens come from regex_lex.re, which already resolved escapes, classes and quantifier
 * syntax; the grammar builds the AST (ast.h) and applies Python's repeat rules. */
%name sgcRegexParse
%token_prefix RX_
%token_type {sgc_tok}
%default_type {sgc_node *}
%extra_context {SgcParse *p}

%include {
#include "ast.h"
#include <assert.h>
#include <string.h>
#include <stdlib.h>
}

%syntax_error {
    (void)yymajor;
    if (!p->failed)
        sgc_parse_error(p, TOKEN.pos, "syntax error");
}

%token CHAR DOT CLASSESC BOL EOL EOS BAR LPAREN RPAREN QUANT LBRACKET RBRACKET CCHAR CRANGE CSET.

regex ::= alt(A).                         { p->root = A; }

alt(A) ::= seq(S).                        { A = sgc_node_add(p, sgc_node_new(p, SGC_N_ALT, S->col), S); }
alt(A) ::= alt(X) BAR seq(S).             { A = sgc_node_add(p, X, S); }

seq(A) ::= .                              { A = sgc_node_new(p, SGC_N_CAT, 0); }
seq(A) ::= seq(X) atom(B).                { A = sgc_node_add(p, X, B); }
seq(A) ::= seq(X) QUANT(Q).               { A = sgc_apply_quant(p, X, &Q); }

atom(A) ::= CHAR(T).                      { A = sgc_node_char(p, T.cp, T.pos); }
atom(A) ::= DOT(T).                       { A = sgc_node_class(p, '.', T.pos); }
atom(A) ::= CLASSESC(T).                  { A = sgc_node_class(p, T.kind, T.pos); }
atom(A) ::= BOL(T).                       { A = sgc_node_new(p, SGC_N_BOL, T.pos); }
atom(A) ::= EOL(T).                       { A = sgc_node_new(p, SGC_N_EOL, T.pos); }
atom(A) ::= EOS(T).                       { A = sgc_node_new(p, SGC_N_EOS, T.pos); }
atom(A) ::= LPAREN(T) alt(X) RPAREN.      { A = X; A->col = T.pos; }
atom(A) ::= LBRACKET(T) citems(C) RBRACKET. { A = sgc_class_finish(p, C, T.kind); A->col = T.pos; }

citems(A) ::= .                           { A = sgc_node_new(p, SGC_N_SET, 0); }
citems(A) ::= citems(X) CCHAR(T).         { A = sgc_class_add_range(p, X, T.cp, T.cp); }
citems(A) ::= citems(X) CRANGE(T).        { A = sgc_class_add_range(p, X, T.cp, T.cp2); }
citems(A) ::= citems(X) CSET(T).          { A = sgc_class_add_esc(p, X, T.kind); }

%code {
/* Feeds the lexer's tokens to the parser until the end or the first error. */
int sgc_regex_parse(SgcParse *p)
{
    SgcLex lx;
    memset(&lx, 0, sizeof lx);
    lx.start = lx.cur = (const unsigned char *)p->pat;
    lx.lim = lx.start + p->patlen;
    lx.p = p;
    lx.groups0 = p->groups;
    lx.names0 = p->names ? p->names->n : 0;
    p->root = NULL;
    p->failed = 0;
    void *parser = sgcRegexParseAlloc(malloc, p);
    if (!parser)
        return -1;
    for (;;) {
        sgc_tok t;
        int code = sgc_lex(&lx, &t);
        if (code < 0 || p->failed)
            break;
        sgcRegexParse(parser, code, t);
        if (p->failed || code == 0)
            break;
    }
    sgcRegexParseFree(parser, free);
    if (lx.unclosed && !p->failed)
        sgc_parse_error(p, lx.unclosed_pos, "missing ), unterminated subpattern");
    /* Socorro quirk: every line is compiled alone before the list is joined (siglists_utils),
     * so the error Python raises for the line alone comes before the joined list's or ours */
    for (int k = 0; k < 2 && !p->failed; k++)
        if (lx.has_deferred[k])
            sgc_parse_error(p, lx.deferred_pos[k], "%s", lx.deferred[k]);
    if (p->failed || !p->root) {
        if (!p->failed)
            sgc_parse_error(p, 0, "syntax error");
        return -1;
    }
    return 0;
}
}

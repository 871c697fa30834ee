/* rules.y — Lemon grammar of the rule-pipeline language (siglists/pipeline.rules): rules with
 * an optional `when` predicate and a body of Python-like statements over crash data and the
 * signature. Builds an rnode tree (rules_ast.h). Compiler stage; output goes to build/. */
%name sgcRulesParse
%token_prefix RL_
%token_type {rtok}
%extra_argument {rparse *p}
%default_type {rnode *}

%include {
#include <assert.h>
#include <stdlib.h>
#include "rules_ast.h"
}

%syntax_error {
    rn_error(p, TOKEN.line, TOKEN.col, "syntax error near '%.*s'", (int)(TOKEN.len > 40 ? 40 : TOKEN.len),
             TOKEN.len ? TOKEN.s : "end of file");
}

%left OR.
%left AND.
%right NOT.
%nonassoc IN IS EQ NE LT LE GT GE.
%left PLUS.

program ::= decls.
decls ::= .
decls ::= decls decl(D). { *p->tail = D; p->tail = &D->next; }

%type decl {rnode *}
decl(D) ::= RULE(T) IDENT(N) doc(S) when(W) block(B). {
    D = rn_new(p, RN_RULE, T); D->s = N.s; D->len = N.len; D->a = W; D->b = B; D->c = S;
}
decl(D) ::= CONST(T) IDENT(N) ASSIGN expr(E) SEMI. {
    D = rn_new(p, RN_CONST, T); D->s = N.s; D->len = N.len; D->a = E;
}
doc(D) ::= . { D = NULL; }
doc(D) ::= STRING(S). { D = rn_string(p, S); }
when(W) ::= . { W = NULL; }
when(W) ::= WHEN expr(E). { W = E; }

block(B) ::= LBRACE(T) stmts(L) RBRACE. { B = rn_new(p, RN_BLOCK, T); B->a = L; }
stmts(L) ::= . { L = NULL; }
stmts(L) ::= stmts(A) stmt(S). { L = rn_append(A, S); }

stmt(S) ::= IF(T) expr(C) block(B) elsepart(E). { S = rn_new(p, RN_IF, T); S->a = C; S->b = B; S->c = E; }
elsepart(E) ::= . { E = NULL; }
elsepart(E) ::= ELSE block(B). { E = B; }
elsepart(E) ::= ELIF(T) expr(C) block(B) elsepart(F). {
    rnode *i = rn_new(p, RN_IF, T); i->a = C; i->b = B; i->c = F;
    E = rn_new(p, RN_BLOCK, T); E->a = i;
}
stmt(S) ::= IDENT(N) ASSIGN expr(E) SEMI. { S = rn_new(p, RN_ASSIGN, N); S->s = N.s; S->len = N.len; S->a = E; }
stmt(S) ::= SIGNATURE(T) ASSIGN expr(E) SEMI. { S = rn_new(p, RN_SETSIG, T); S->a = E; }
stmt(S) ::= RETURN(T) SEMI. { S = rn_new(p, RN_RETURN, T); }
stmt(S) ::= INFO(T) args(A) SEMI. { S = rn_new(p, RN_INFO, T); S->a = A; }
stmt(S) ::= DEBUG(T) args(A) SEMI. { S = rn_new(p, RN_DEBUG, T); S->a = A; }
stmt(S) ::= expr(E) SEMI. { S = rn_new(p, RN_EXPR, E ? (rtok){E->s, E->len, E->line, E->col} : (rtok){0, 0, 0, 0}); S->a = E; }
stmt(S) ::= TRY(T) block(B) EXCEPT LPAREN names(X) RPAREN asname(V) block(H). {
    S = rn_new(p, RN_TRY, T); S->a = B; S->b = H; S->c = X; S->s = V.s; S->len = V.len;
}
%type asname {rtok}
asname(V) ::= . { V.s = NULL; V.len = 0; V.line = V.col = 0; }
asname(V) ::= AS IDENT(N). { V = N; }
names(L) ::= IDENT(N). { L = rn_new(p, RN_NAME, N); L->s = N.s; L->len = N.len; }
names(L) ::= names(A) COMMA IDENT(N). { rnode *x = rn_new(p, RN_NAME, N); x->s = N.s; x->len = N.len; L = rn_append(A, x); }

args(L) ::= expr(E). { L = E; }
args(L) ::= args(A) COMMA expr(E). { L = rn_append(A, E); }

expr(E) ::= expr(A) OR(T) expr(B). { E = rn_new(p, RN_OR, T); E->a = A; E->b = B; }
expr(E) ::= expr(A) AND(T) expr(B). { E = rn_new(p, RN_AND, T); E->a = A; E->b = B; }
expr(E) ::= NOT(T) expr(A). { E = rn_new(p, RN_NOT, T); E->a = A; }
expr(E) ::= expr(A) IN(T) expr(B). { E = rn_new(p, RN_IN, T); E->a = A; E->b = B; }
expr(E) ::= expr(A) NOT(T) IN expr(B). [IN] { E = rn_new(p, RN_NOTIN, T); E->a = A; E->b = B; }
expr(E) ::= expr(A) IS(T) NONE. { E = rn_new(p, RN_ISNONE, T); E->a = A; }
expr(E) ::= expr(A) IS(T) NOT NONE. { E = rn_new(p, RN_ISNOTNONE, T); E->a = A; }
expr(E) ::= expr(A) EQ(T) expr(B). { E = rn_new(p, RN_EQ, T); E->a = A; E->b = B; }
expr(E) ::= expr(A) NE(T) expr(B). { E = rn_new(p, RN_NE, T); E->a = A; E->b = B; }
expr(E) ::= expr(A) LT(T) expr(B). { E = rn_new(p, RN_LT, T); E->a = A; E->b = B; }
expr(E) ::= expr(A) LE(T) expr(B). { E = rn_new(p, RN_LE, T); E->a = A; E->b = B; }
expr(E) ::= expr(A) GT(T) expr(B). { E = rn_new(p, RN_GT, T); E->a = A; E->b = B; }
expr(E) ::= expr(A) GE(T) expr(B). { E = rn_new(p, RN_GE, T); E->a = A; E->b = B; }
expr(E) ::= expr(A) PLUS(T) expr(B). { E = rn_new(p, RN_ADD, T); E->a = A; E->b = B; }
expr(E) ::= LPAREN expr(A) RPAREN. { E = A; }
expr(E) ::= STRING(S). { E = rn_string(p, S); }
expr(E) ::= INT(T). { E = rn_new(p, RN_INT, T); E->num = strtol(T.s, NULL, 10); }
expr(E) ::= NONE(T). { E = rn_new(p, RN_NONE, T); }
expr(E) ::= TRUE(T). { E = rn_new(p, RN_TRUE, T); }
expr(E) ::= FALSE(T). { E = rn_new(p, RN_FALSE, T); }
expr(E) ::= SIGNATURE(T). { E = rn_new(p, RN_SIG, T); }
expr(E) ::= IDENT(N). { E = rn_new(p, RN_NAME, N); E->s = N.s; E->len = N.len; }
expr(E) ::= LBRACKET(T) RBRACKET. { E = rn_new(p, RN_LIST, T); }
expr(E) ::= LBRACKET(T) args(A) optcomma RBRACKET. { E = rn_new(p, RN_LIST, T); E->a = A; }
optcomma ::= .
optcomma ::= COMMA.
expr(E) ::= IDENT(N) LPAREN RPAREN. { E = rn_new(p, RN_CALL, N); E->s = N.s; E->len = N.len; }
expr(E) ::= IDENT(N) LPAREN args(A) RPAREN. { E = rn_new(p, RN_CALL, N); E->s = N.s; E->len = N.len; E->a = A; }
expr(E) ::= CRASH DOT IDENT(G) LPAREN STRING(S) RPAREN. {
    if (G.len != 3 || G.s[0] != 'g' || G.s[1] != 'e' || G.s[2] != 't')
        rn_error(p, G.line, G.col, "crash data has only .get(\"key\") and [\"key\"]");
    E = rn_new(p, RN_GET, S); rnode *k = rn_string(p, S); E->s = k->s; E->len = k->len;
}
expr(E) ::= CRASH LBRACKET STRING(S) RBRACKET. {
    E = rn_new(p, RN_ITEM, S); rnode *k = rn_string(p, S); E->s = k->s; E->len = k->len;
}

/* rules_lex.re — re2c tokenizer for the rule-pipeline language (siglists/pipeline.rules),
 * feeding the Lemon grammar in rules.y. Compiler stage; output goes to build/, never
 * committed. Strings are JSON-style literals ("..." with \" \\ \n \t \uXXXX escapes). */
#include <string.h>
#include "rules_ast.h"
#include "rules.h"

/*!re2c
    re2c:yyfill:enable = 0;
    re2c:define:YYCTYPE = "unsigned char";
    re2c:api = custom;
    re2c:api:style = free-form;
    re2c:define:YYPEEK = "(cur < lim ? *cur : 0)";
    re2c:define:YYSKIP = "++cur;";
    re2c:define:YYBACKUP = "mar = cur;";
    re2c:define:YYRESTORE = "cur = mar;";
*/

/* Scans the next token at *pos; returns its code (0 at end, -1 on a bad character) and sets
 * *start to the lexeme's first byte (it ends at the new *pos). Newlines are counted by the caller from the skipped text. */
int sgc_rules_lex(const unsigned char **pos, const unsigned char *lim,
                  const unsigned char **start)
{
    const unsigned char *cur = *pos, *mar = cur;
    (void)mar;
    for (;;) {
        *start = cur;
        if (cur >= lim) {
            *pos = cur;
            return 0;
        }
        /*!re2c
            [ \t\r\n]+            { continue; }
            "#" [^\n\x00]*        { continue; }
            "rule"                { *pos = cur; return RL_RULE; }
            "when"                { *pos = cur; return RL_WHEN; }
            "const"               { *pos = cur; return RL_CONST; }
            "if"                  { *pos = cur; return RL_IF; }
            "elif"                { *pos = cur; return RL_ELIF; }
            "else"                { *pos = cur; return RL_ELSE; }
            "return"              { *pos = cur; return RL_RETURN; }
            "try"                 { *pos = cur; return RL_TRY; }
            "except"              { *pos = cur; return RL_EXCEPT; }
            "as"                  { *pos = cur; return RL_AS; }
            "info"                { *pos = cur; return RL_INFO; }
            "debug"               { *pos = cur; return RL_DEBUG; }
            "signature"           { *pos = cur; return RL_SIGNATURE; }
            "crash"               { *pos = cur; return RL_CRASH; }
            "and"                 { *pos = cur; return RL_AND; }
            "or"                  { *pos = cur; return RL_OR; }
            "not"                 { *pos = cur; return RL_NOT; }
            "in"                  { *pos = cur; return RL_IN; }
            "is"                  { *pos = cur; return RL_IS; }
            "None"                { *pos = cur; return RL_NONE; }
            "True"                { *pos = cur; return RL_TRUE; }
            "False"               { *pos = cur; return RL_FALSE; }
            [A-Za-z_][A-Za-z0-9_]* { *pos = cur; return RL_IDENT; }
            [0-9]+                { *pos = cur; return RL_INT; }
            ["] ([^"\\\x00] | [\\] [^\x00])* ["] { *pos = cur; return RL_STRING; }
            "=="                  { *pos = cur; return RL_EQ; }
            "!="                  { *pos = cur; return RL_NE; }
            "<="                  { *pos = cur; return RL_LE; }
            ">="                  { *pos = cur; return RL_GE; }
            "<"                   { *pos = cur; return RL_LT; }
            ">"                   { *pos = cur; return RL_GT; }
            "="                   { *pos = cur; return RL_ASSIGN; }
            "+"                   { *pos = cur; return RL_PLUS; }
            "."                   { *pos = cur; return RL_DOT; }
            ","                   { *pos = cur; return RL_COMMA; }
            ";"                   { *pos = cur; return RL_SEMI; }
            "("                   { *pos = cur; return RL_LPAREN; }
            ")"                   { *pos = cur; return RL_RPAREN; }
            "["                   { *pos = cur; return RL_LBRACKET; }
            "]"                   { *pos = cur; return RL_RBRACKET; }
            "{"                   { *pos = cur; return RL_LBRACE; }
            "}"                   { *pos = cur; return RL_RBRACE; }
            *                     { *pos = cur; return -1; }
        */
    }
}

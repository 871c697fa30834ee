/* opcodes.h — the rule program's instruction set, one X-macro list shared by the compiler
 * (emit, disasm, doc) and the VM (Lua lopcodes.h style). Runtime stage.
 * An instruction is one opcode byte and N 16-bit little-endian operands. Values live on a
 * small stack; an instruction that would raise in Python raises here too, and the rule stops
 * with "Rule failed: <exc>" unless a TRY handler catches that exception class. */
#ifndef SG_OPCODES_H
#define SG_OPCODES_H

/* SG_OP(name, operands, "semantics") */
#define SG_OPCODES(SG_OP) \
    SG_OP(RULE,    2, "start rule str[A]; B is where the next RULE (or END) starts: a raise or return goes there") \
    SG_OP(BODY,    0, "marks where the rule's action starts, after its predicate") \
    SG_OP(END,     0, "end of program") \
    SG_OP(RETURN,  0, "end the current rule") \
    SG_OP(CONST,   1, "push the string str[A]") \
    SG_OP(INT,     1, "push the integer written in decimal in str[A]") \
    SG_OP(NONE,    0, "push None") \
    SG_OP(TRUE,    0, "push True") \
    SG_OP(FALSE,   0, "push False") \
    SG_OP(LIST,    1, "pop A values, push them as a list") \
    SG_OP(GET,     1, "push crash_data.get(str[A]) (None when absent)") \
    SG_OP(ITEM,    1, "push crash_data[str[A]] (KeyError when absent)") \
    SG_OP(SIG,     0, "push result.signature") \
    SG_OP(LOAD,    1, "push local A") \
    SG_OP(STORE,   1, "pop into local A") \
    SG_OP(POP,     0, "drop the top value") \
    SG_OP(IN,      0, "pop b, a; push a in b (Python semantics, may raise TypeError)") \
    SG_OP(EQ,      0, "pop b, a; push a == b") \
    SG_OP(LT,      0, "pop b, a; push a < b (numbers; TypeError otherwise)") \
    SG_OP(NOT,     0, "pop a; push not a") \
    SG_OP(ISNONE,  0, "pop a; push a is None") \
    SG_OP(ADD,     0, "pop b, a; push a + b (str concat or int add; TypeError otherwise)") \
    SG_OP(JUMP,    1, "go to A") \
    SG_OP(JFALSE,  1, "pop a; go to A when a is falsy") \
    SG_OP(JTRUEK,  1, "go to A keeping the top when it is truthy, else pop it (or)") \
    SG_OP(JFALSEK, 1, "go to A keeping the top when it is falsy, else pop it (and)") \
    SG_OP(TRY,     2, "on an exception of classes mask A (see sg_exc) jump to B") \
    SG_OP(ENDTRY,  0, "leave the innermost TRY") \
    SG_OP(SETSIG,  0, "pop a; result.set_signature(rule, a)") \
    SG_OP(INFO,    1, "pop A values; result.info(rule, fmt % args), fmt below them") \
    SG_OP(DEBUG,   1, "pop A values; result.debug(rule, fmt % args), fmt below them") \
    SG_OP(CALL,    2, "call built-in A with B arguments; push its result")

typedef enum sg_opcode {
#define SG_OP_ENUM(name, n, doc) SG_OP_##name,
    SG_OPCODES(SG_OP_ENUM)
#undef SG_OP_ENUM
    SG_OP__COUNT
} sg_opcode;

/* Python exception classes the VM can raise and TRY can catch (a bit mask). */
#define SG_EXCEPTIONS(X) \
    X(TypeError, 1) X(ValueError, 2) X(KeyError, 4) X(IndexError, 8) X(AttributeError, 16) \
    X(RecursionError, 32) X(OverflowError, 64)

/* Built-ins CALL can reach: name, arity, semantics. The rules compiler resolves names to
 * indexes in this order, so the order is part of the program format. */
#define SG_BUILTINS(X) \
    X(c_signature,      3, "SignatureGenerationRule's C stack part: (max_frames, use thread 0, [[sentinel, when_frame], ...] conditional sentinels)") \
    X(java_stack,       1, "JavaSignatureTool on the value: notes, debug, set_signature") \
    X(java_exception,   1, "JavaExceptionSignatureTool on the value: notes, debug, set_signature") \
    X(crashing_thread_get, 2, "the crashing thread's .get(key), or default when absent or no thread") \
    X(int,              1, "Python int(x)") \
    X(str,              1, "Python str(x)") \
    X(len,              1, "Python len(x)") \
    X(any_in,           2, "any(n in haystack for n in needles)") \
    X(split_after,      2, "s.split(sep, 1)[1]") \
    X(split_before,     2, "s.split(sep, 1)[0]") \
    X(cut_parens,       1, "s[:s.find('(')] + s[s.rfind(')') + 1:] when both exist") \
    X(drop_bad_characters, 1, "keeps only printable ASCII (utils.drop_bad_characters)") \
    X(strip,            1, "s.strip()") \
    X(startswith,       2, "s.startswith(prefix)") \
    X(slice,            2, "x[:n] (str or list; TypeError otherwise)") \
    X(ellipsize,        2, "s when len(s) <= n, else s[:n - 3] + '...'") \
    X(printable_ascii,  1, "the characters of s.strip() that are printable ASCII") \
    X(fix_whitespace,   1, "s.strip(), each whitespace character to a space, runs collapsed") \
    X(json_loads,       1, "json.loads(s)") \
    X(shutdown_phase,   2, "data.get('phase') when it is a str, else the second argument") \
    X(shutdown_conditions, 2, "sorted str() of conditions (a dict's name), ','-joined, or the second argument") \
    X(log_as,           1, "notes and debug lines of the rest of the rule use this rule name (None: the rule's own)")

typedef enum sg_builtin {
#define SG_BI_ENUM(name, n, doc) SG_BI_##name,
    SG_BUILTINS(SG_BI_ENUM)
#undef SG_BI_ENUM
    SG_BI__COUNT
} sg_builtin;
#endif

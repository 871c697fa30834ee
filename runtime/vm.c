/* vm.c — the rule VM: runs the bytecode sigc compiled from pipeline.rules (opcodes.h) over
 * one crash, rule by rule, with Python's semantics for the values it touches, so each rule
 * gives what Socorro's rule gives, exceptions included. Runtime stage. */
#include "vm.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "json_read.h"
#include "matchers.h"
#include "pipeline.h"
#include "pyval.h"

int vm_raise(vm *m, int cls, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    m->r->exc = sg_result_vfmt(m->r, fmt, ap);
    va_end(ap);
    m->exc = cls;
    return m->r->failed ? SG_RULE_FATAL : SG_RULE_RAISED;
}

vval vm_str_value(const char *s, size_t len)
{
    vval v = { V_STR, 0, s, len, NULL, NULL };
    return v;
}

/* None, a bool, an int or an empty list */
static inline vval small_value(vtype t, long long i)
{
    vval v = { t, i, NULL, 0, NULL, NULL };
    return v;
}

vval vm_from_json(const cJSON *j)
{
    vval v = { V_NONE, 0, NULL, 0, NULL, j };
    if (!j || cJSON_IsNull(j))
        return v;
    if (cJSON_IsBool(j)) {
        v.t = V_BOOL;
        v.i = cJSON_IsTrue(j);
    } else if (sg_py_is_str(j)) {
        v = vm_str_value(j->valuestring, sg_py_strlen(j));
        v.j = j;
    } else if (cJSON_IsNumber(j) && !j->valuestring && j->valuedouble >= -9223372036854775808.0 &&
               j->valuedouble < 9223372036854775808.0) {
        /* a whole number past long long (a processed crash's int(1e300)) falls to V_JSON */
        v.t = V_INT;
        v.i = (long long)j->valuedouble;
    } else {
        v.t = V_JSON;
        v.j = j;
    }
    return v;
}

const char *vm_type_name(const vval *v)
{
    switch (v->t) {
    case V_NONE: return "NoneType";
    case V_BOOL: return "bool";
    case V_INT: return "int";
    case V_STR: return "str";
    case V_LIST: return "list";
    case V_JSON: return sg_py_type_name(v->j);
    }
    return "object";
}

int vm_truthy(const vval *v)
{
    switch (v->t) {
    case V_NONE: return 0;
    case V_BOOL:
    case V_INT: return v->i != 0;
    case V_STR: return v->len > 0;
    case V_LIST: return v->len > 0;
    case V_JSON: return sg_py_truthy(v->j);
    }
    return 0;
}

/* A number as a double for comparisons across int, float and bool. */
static int as_number(const vval *v, double *d)
{
    if (v->t == V_BOOL || v->t == V_INT) {
        *d = (double)v->i;
        return 1;
    }
    if (v->t == V_JSON && cJSON_IsNumber(v->j)) {
        *d = v->j->valuedouble;
        return 1;
    }
    return 0;
}

int vm_eq(const vval *a, const vval *b)
{
    double x, y;
    if (as_number(a, &x) && as_number(b, &y))
        return x == y;
    if (a->t == V_STR && b->t == V_STR)
        return a->len == b->len && memcmp(a->s, b->s, a->len) == 0;
    if (a->t == V_NONE || b->t == V_NONE)
        return a->t == b->t;
    if (a->t == V_LIST && b->t == V_LIST) {
        if (a->len != b->len)
            return 0;
        for (size_t i = 0; i < a->len; i++)
            if (!vm_eq(&a->items[i], &b->items[i]))
                return 0;
        return 1;
    }
    if (a->t == V_JSON && b->t == V_JSON)
        return sg_py_equal(a->j, b->j);
    if (a->t == V_LIST && b->t == V_JSON && sg_py_is_list(b->j)) {
        size_t i = 0;
        const cJSON *c;
        cJSON_ArrayForEach(c, b->j) {
            vval e = vm_from_json(c);
            if (i >= a->len || !vm_eq(&a->items[i], &e))
                return 0;
            i++;
        }
        return i == a->len;
    }
    if (a->t == V_JSON && b->t == V_LIST)
        return vm_eq(b, a);
    return 0;
}

int vm_to_str(vm *m, const vval *v, sg_str *out)
{
    char num[32];
    switch (v->t) {
    case V_STR:
        out->s = v->s;
        out->len = v->len;
        return SG_RULE_OK;
    case V_NONE: *out = sg_str_copy(m->r, "None", 4); break;
    case V_BOOL: *out = v->i ? sg_str_copy(m->r, "True", 4) : sg_str_copy(m->r, "False", 5); break;
    case V_INT:
        snprintf(num, sizeof num, "%lld", v->i);
        *out = sg_str_copy(m->r, num, strlen(num));
        break;
    case V_JSON: {
        sg_buf b;
        sg_buf_init(&b);
        sg_py_str(&b, v->j);
        *out = b.failed ? (sg_str){ NULL, 0 } : sg_str_copy(m->r, b.p ? b.p : "", b.len);
        if (b.failed)
            m->r->failed = 1;
        sg_buf_free(&b);
        break;
    }
    case V_LIST: {
        /* constant lists hold only str/int/None/bool: repr each */
        sg_buf b;
        sg_buf_init(&b);
        sg_buf_addc(&b, '[');
        for (size_t i = 0; i < v->len; i++) {
            const vval *e = &v->items[i];
            if (i)
                sg_buf_add(&b, ", ", 2);
            if (e->t == V_STR) {
                sg_py_repr_str(&b, e->s, e->len);
            } else {
                sg_str s;
                if (vm_to_str(m, e, &s) != SG_RULE_OK)
                    break;
                sg_buf_add(&b, s.s, s.len);
            }
        }
        sg_buf_addc(&b, ']');
        *out = b.failed ? (sg_str){ NULL, 0 } : sg_str_copy(m->r, b.p, b.len);
        if (b.failed)
            m->r->failed = 1;
        sg_buf_free(&b);
        break;
    }
    }
    return out->s ? SG_RULE_OK : SG_RULE_FATAL;
}

static int find_bytes(const char *h, size_t hl, const char *n, size_t nl)
{
    if (nl == 0)
        return 1;
    if (hl < nl)
        return 0;
    /* memchr jumps to each place the first byte could start it */
    const char *last = h + (hl - nl);
    for (const char *p = h; p <= last && (p = memchr(p, n[0], (size_t)(last - p) + 1)); p++)
        if (memcmp(p, n, nl) == 0)
            return 1;
    return 0;
}

static int hashable(const vval *v)
{
    return v->t != V_LIST && !(v->t == V_JSON && (sg_py_is_list(v->j) || sg_py_is_dict(v->j)));
}

/* Python `a in b`. */
int vm_in(vm *m, const vval *a, const vval *b, int *res)
{
    if (b->t == V_STR) {
        if (a->t != V_STR)
            return vm_raise(m, EXC_TypeError, "'in <string>' requires string as left operand, not %s",
                            vm_type_name(a));
        *res = find_bytes(b->s, b->len, a->s, a->len);
        return SG_RULE_OK;
    }
    if (b->t == V_LIST) {
        *res = 0;
        for (size_t i = 0; i < b->len && !*res; i++)
            *res = vm_eq(a, &b->items[i]);
        return SG_RULE_OK;
    }
    if (b->t == V_JSON && sg_py_is_list(b->j)) {
        const cJSON *c;
        *res = 0;
        cJSON_ArrayForEach(c, b->j) {
            vval e = vm_from_json(c);
            if (vm_eq(a, &e)) {
                *res = 1;
                break;
            }
        }
        return SG_RULE_OK;
    }
    if (b->t == V_JSON && sg_py_is_dict(b->j)) {
        if (!hashable(a))
            return vm_raise(m, EXC_TypeError, "unhashable type: '%s'", vm_type_name(a));
        /* JSON object keys are all str: only a str can be one */
        *res = a->t == V_STR && sg_py_dict_get(b->j, a->s, a->len) != NULL;
        return SG_RULE_OK;
    }
    return vm_raise(m, EXC_TypeError, "argument of type '%s' is not iterable", vm_type_name(b));
}

static int op_lt(vm *m, const vval *a, const vval *b, int *res)
{
    double x, y;
    if (as_number(a, &x) && as_number(b, &y)) {
        *res = x < y;
        return SG_RULE_OK;
    }
    if (a->t == V_STR && b->t == V_STR) {
        size_t n = a->len < b->len ? a->len : b->len;
        int c = memcmp(a->s, b->s, n);
        *res = c < 0 || (c == 0 && a->len < b->len);
        return SG_RULE_OK;
    }
    return vm_raise(m, EXC_TypeError, "'<' not supported between instances of '%s' and '%s'",
                    vm_type_name(a), vm_type_name(b));
}

static int op_add(vm *m, const vval *a, const vval *b, vval *out)
{
    if (a->t == V_STR && b->t == V_STR) {
        char *p = sg_arena_alloc(m->r->arena, a->len + b->len + 1);
        if (!p) {
            m->r->failed = 1;
            return SG_RULE_FATAL;
        }
        memcpy(p, a->s, a->len);
        memcpy(p + a->len, b->s, b->len);
        p[a->len + b->len] = 0;
        *out = vm_str_value(p, a->len + b->len);
        return SG_RULE_OK;
    }
    if ((a->t == V_INT || a->t == V_BOOL) && (b->t == V_INT || b->t == V_BOOL)) {
        out->t = V_INT;
        out->i = a->i + b->i;
        return SG_RULE_OK;
    }
    if (a->t == V_STR)
        return vm_raise(m, EXC_TypeError, "can only concatenate str (not \"%s\") to str",
                        vm_type_name(b));
    return vm_raise(m, EXC_TypeError, "unsupported operand type(s) for +: '%s' and '%s'",
                    vm_type_name(a), vm_type_name(b));
}

/* ---- the interpreter ------------------------------------------------------------------ */

static unsigned operand(const uint8_t *code, size_t pc, int k)
{
    return (unsigned)code[pc + 1 + 2 * (size_t)k] | (unsigned)code[pc + 2 + 2 * (size_t)k] << 8;
}

/* Operands of each opcode, plus one: 0 for a byte that is no opcode. */
static const uint8_t n_ops1[256] = {
#define SG_OP_N(name, k, doc) [SG_OP_##name] = k + 1,
    SG_OPCODES(SG_OP_N)
#undef SG_OP_N
};

static int n_operands(unsigned o)
{
    return o < 256 ? n_ops1[o] - 1 : -1;
}

/* The operand checks of one instruction; `starts` marks where instructions begin. */
static const char *check_operands(const sg_program *prog, size_t pc, const uint8_t *starts)
{
    unsigned o = prog->code[pc];
    int n = n_operands(o);
    unsigned a = n >= 1 ? operand(prog->code, pc, 0) : 0;
    unsigned b = n >= 2 ? operand(prog->code, pc, 1) : 0;
#define AT_START(t) ((t) < prog->code_len && (starts[(t) >> 3] >> ((t) & 7) & 1))
    if ((o == SG_OP_RULE || o == SG_OP_CONST || o == SG_OP_INT || o == SG_OP_GET ||
         o == SG_OP_ITEM) && a >= prog->n_str)
        return "string index out of range";
    if ((o == SG_OP_JUMP || o == SG_OP_JFALSE || o == SG_OP_JTRUEK || o == SG_OP_JFALSEK) &&
        !AT_START(a))
        return "jump out of range";
    if (o == SG_OP_RULE && (b <= pc || !AT_START(b) ||
                            (prog->code[b] != SG_OP_RULE && prog->code[b] != SG_OP_END)))
        return "rule end out of range";
    if (o == SG_OP_TRY && !AT_START(b))
        return "handler out of range";
#undef AT_START
    if ((o == SG_OP_LOAD || o == SG_OP_STORE) && a >= SG_PROGRAM_MAX_LOCALS)
        return "local slot out of range";
    if (o == SG_OP_CALL && a >= SG_BI__COUNT)
        return "unknown built-in";
    if ((o == SG_OP_LIST || o == SG_OP_CALL || o == SG_OP_INFO || o == SG_OP_DEBUG) &&
        (o == SG_OP_CALL ? b : a) >= SG_PROGRAM_MAX_STACK)
        return "too many operands";
    return NULL;
}

sg_status sg_program_check(const sg_program *prog, sg_error *err)
{
    const char *why = NULL;
    uint8_t starts[65536 / 8]; /* operands are 16-bit: no target lies beyond */
    memset(starts, 0, sizeof starts);
    if (prog->magic != SG_PROGRAM_MAGIC)
        why = "bad magic number";
    else if (prog->version != SG_PROGRAM_VERSION)
        why = "program format version differs from this runtime's";
    else if (strcmp(prog->siglists_sha256, sg_siglists_sha256) != 0)
        why = "program was compiled against other siglists than the linked matchers";
    else if (prog->code_len > 65536)
        why = "program larger than 64 KiB";
    /* first the instruction boundaries, then every target must land on one */
    for (size_t pc = 0; !why && pc < prog->code_len;) {
        int n = n_operands(prog->code[pc]);
        if (n < 0 || pc + 1 + 2 * (size_t)n > prog->code_len)
            why = "unknown opcode or truncated instruction";
        starts[pc >> 3] |= (uint8_t)(1u << (pc & 7));
        pc += 1 + 2 * (size_t)(n < 0 ? 0 : n);
    }
    for (size_t pc = 0; !why && pc < prog->code_len; pc += 1 + 2 * (size_t)n_operands(prog->code[pc]))
        why = check_operands(prog, pc, starts);
    if (!why && (prog->code_len == 0 || prog->code[prog->code_len - 1] != SG_OP_END ||
                 !(starts[(prog->code_len - 1) >> 3] >> ((prog->code_len - 1) & 7) & 1)))
        why = "program does not end with END";
    if (!why)
        return SG_OK;
    err->code = SG_EPROGRAM;
    snprintf(err->msg, sizeof err->msg, "invalid rule program: %s", why);
    return SG_EPROGRAM;
}

void vm_release(vm *m)
{
    for (int i = 0; i < m->nowned; i++)
        cJSON_Delete(m->owned[i]);
    m->nowned = 0;
}

typedef struct tryframe {
    unsigned mask;
    size_t handler;
    int sp;
} tryframe;

/* Writes a log line whose format is the string below the top n values ("%s" takes them). */
static int log_fmt(vm *m, int is_info, const vval *stack, int n)
{
    sg_str fmt;
    if (vm_to_str(m, &stack[0], &fmt) != SG_RULE_OK)
        return SG_RULE_FATAL;
    sg_buf b;
    sg_buf_init(&b);
    int arg = 1;
    for (size_t i = 0; i < fmt.len; i++) {
        if (fmt.s[i] == '%' && i + 1 < fmt.len && fmt.s[i + 1] == 's' && arg <= n) {
            sg_str s;
            if (vm_to_str(m, &stack[arg++], &s) != SG_RULE_OK)
                break;
            sg_buf_add(&b, s.s, s.len);
            i++;
        } else {
            sg_buf_addc(&b, fmt.s[i]);
        }
    }
    sg_str msg = sg_str_copy(m->r, b.p ? b.p : "", b.len);
    sg_buf_free(&b);
    if (!msg.s)
        return SG_RULE_FATAL;
    if (is_info)
        sg_result_info(m->r, m->logname, "%S", &msg);
    else
        sg_result_debug(m->r, m->logname, "%S", &msg);
    return m->r->failed ? SG_RULE_FATAL : SG_RULE_OK;
}

static int set_signature(vm *m, const vval *v)
{
    sg_str s;
    if (vm_to_str(m, v, &s) != SG_RULE_OK)
        return SG_RULE_FATAL;
    /* the value may point into a tree that dies before the result does */
    s = sg_str_copy(m->r, s.s, s.len);
    if (!s.s)
        return SG_RULE_FATAL;
    sg_result_set_signature(m->r, m->logname, s);
    return m->r->failed ? SG_RULE_FATAL : SG_RULE_OK;
}

/* Runs from the RULE at `pc`; with `only`, just that rule's action (its BODY on). */
static sg_status run(const sg_program *prog, sg_result *r, const cJSON *crash, size_t pc,
                     int only, sg_error *err)
{
    const uint8_t *code = prog->code;
    vm m = { r, crash, "", "", 0, { NULL }, 0 };
    vval stack[SG_PROGRAM_MAX_STACK], locals[SG_PROGRAM_MAX_LOCALS];
    tryframe tries[8];
    int sp = 0, ntry = 0;
    size_t next_rule = prog->code_len - 1;

    for (;;) {
        unsigned o = code[pc];
        /* -1 operands: no opcode, which the switch refuses */
        size_t next = pc + 1 + 2 * (size_t)n_operands(o);
        int rc = SG_RULE_OK, res = 0;
        vval v;
        if (sp > SG_PROGRAM_MAX_STACK - 2) {
            vm_release(&m);
            err->code = SG_EPROGRAM;
            snprintf(err->msg, sizeof err->msg, "invalid rule program: value stack overflow");
            return SG_EPROGRAM;
        }
        /* operands are decoded where they are used; an instruction that cannot raise or fail
         * goes straight to the next (NEXT), the others through the checks after the switch */
#define A operand(code, pc, 0)
#define B operand(code, pc, 1)
#define NEXT() goto advance
        switch ((sg_opcode)o) {
        case SG_OP_RULE:
            m.rule = m.logname = prog->str[A];
            sp = ntry = 0;
            next_rule = B; /* where a raise or a return goes */
            if (only) {
                next_rule = prog->code_len - 1; /* the END */
                while (code[next] != SG_OP_BODY)
                    next += 1 + 2 * (size_t)n_operands(code[next]);
            }
            NEXT();
        case SG_OP_BODY: NEXT();
        case SG_OP_END:
            vm_release(&m);
            return r->failed ? SG_ENOMEM : SG_OK;
        case SG_OP_RETURN: pc = next_rule; continue;
        case SG_OP_CONST: stack[sp++] = vm_str_value(prog->str[A], prog->str_len[A]); NEXT();
        case SG_OP_INT: {
            unsigned a = A;
            long long n = 0;
            for (size_t i = 0; i < prog->str_len[a]; i++)
                n = n * 10 + (prog->str[a][i] - '0');
            stack[sp++] = small_value(V_INT, n);
            NEXT();
        }
        case SG_OP_NONE: stack[sp++] = small_value(V_NONE, 0); NEXT();
        case SG_OP_TRUE:
        case SG_OP_FALSE: stack[sp++] = small_value(V_BOOL, o == SG_OP_TRUE); NEXT();
        case SG_OP_LIST: {
            unsigned a = A;
            vval *items = sg_arena_alloc(r->arena, (a ? a : 1) * sizeof *items);
            if (!items) {
                rc = SG_RULE_FATAL;
                break;
            }
            sp -= (int)a;
            memcpy(items, stack + sp, a * sizeof *items);
            v = small_value(V_LIST, 0);
            v.items = items;
            v.len = a;
            stack[sp++] = v;
            NEXT();
        }
        case SG_OP_GET:
        case SG_OP_ITEM: {
            /* crash_data.get(key) on a non-dict raises AttributeError; [key] KeyError */
            if (!sg_py_is_dict(crash)) {
                vval c = vm_from_json(crash);
                rc = o == SG_OP_GET
                         ? vm_raise(&m, EXC_AttributeError, "'%s' object has no attribute 'get'",
                                    vm_type_name(&c))
                         : vm_raise(&m, EXC_TypeError, "%s indices must be integers",
                                    vm_type_name(&c));
                break;
            }
            unsigned a = A;
            const cJSON *j = sg_py_dict_get(crash, prog->str[a], prog->str_len[a]);
            if (!j && o == SG_OP_ITEM) {
                sg_str k = { prog->str[a], prog->str_len[a] };
                rc = vm_raise(&m, EXC_KeyError, "'%S'", &k);
                break;
            }
            stack[sp++] = vm_from_json(j);
            NEXT();
        }
        case SG_OP_SIG: stack[sp++] = vm_str_value(r->signature.s, r->signature.len); NEXT();
        case SG_OP_LOAD: stack[sp++] = locals[A]; NEXT();
        case SG_OP_STORE: locals[A] = stack[--sp]; NEXT();
        case SG_OP_POP: sp--; NEXT();
        case SG_OP_IN:
            rc = vm_in(&m, &stack[sp - 2], &stack[sp - 1], &res);
            goto push_bool;
        case SG_OP_EQ:
            res = vm_eq(&stack[sp - 2], &stack[sp - 1]);
            goto push_bool;
        case SG_OP_LT:
            rc = op_lt(&m, &stack[sp - 2], &stack[sp - 1], &res);
        push_bool:
            sp -= 2;
            stack[sp++] = small_value(V_BOOL, res);
            break;
        case SG_OP_NOT: stack[sp - 1] = small_value(V_BOOL, !vm_truthy(&stack[sp - 1])); NEXT();
        case SG_OP_ISNONE: stack[sp - 1] = small_value(V_BOOL, stack[sp - 1].t == V_NONE); NEXT();
        case SG_OP_ADD:
            v = small_value(V_NONE, 0);
            rc = op_add(&m, &stack[sp - 2], &stack[sp - 1], &v);
            sp -= 2;
            stack[sp++] = v;
            break;
        case SG_OP_JUMP: pc = A; continue;
        case SG_OP_JFALSE: pc = vm_truthy(&stack[--sp]) ? next : A; continue;
        case SG_OP_JTRUEK:
        case SG_OP_JFALSEK:
            if (vm_truthy(&stack[sp - 1]) == (o == SG_OP_JTRUEK)) {
                pc = A;
                continue;
            }
            sp--;
            NEXT();
        case SG_OP_TRY:
            if (ntry == (int)(sizeof tries / sizeof tries[0])) {
                rc = vm_raise(&m, EXC_RecursionError, "try blocks nested too deeply");
                break;
            }
            tries[ntry].mask = A;
            tries[ntry].handler = B;
            tries[ntry++].sp = sp;
            NEXT();
        case SG_OP_ENDTRY: ntry--; NEXT();
        case SG_OP_SETSIG: rc = set_signature(&m, &stack[--sp]); break;
        case SG_OP_INFO:
        case SG_OP_DEBUG:
            sp -= (int)A + 1;
            /* a debug line nobody reads is not formatted (str() of a value cannot raise) */
            if (o == SG_OP_DEBUG && !r->verbose)
                NEXT();
            rc = log_fmt(&m, o == SG_OP_INFO, &stack[sp], (int)A);
            break;
        case SG_OP_CALL:
            v = small_value(V_NONE, 0);
            sp -= (int)B;
            rc = sg_builtin_call(&m, (sg_builtin)A, &stack[sp], (int)B, &v);
            stack[sp++] = v;
            break;
        default:
            vm_release(&m);
            err->code = SG_EPROGRAM;
            snprintf(err->msg, sizeof err->msg, "invalid rule program: opcode %u", o);
            return SG_EPROGRAM;
        }
#undef A
#undef B
#undef NEXT
        if (rc == SG_RULE_OK && !r->failed) /* the common case: no raise, no failure */
            goto advance;
        if (rc == SG_RULE_RETRY) {
            vm_release(&m); /* r->need_threads tells the caller to run again */
            return SG_OK;
        }
        if (rc == SG_RULE_FATAL || r->failed) {
            vm_release(&m);
            err->code = SG_ENOMEM;
            snprintf(err->msg, sizeof err->msg, "out of memory in rule %s", m.rule);
            return SG_ENOMEM;
        }
        if (rc == SG_RULE_RAISED) {
            while (ntry > 0 && !(tries[ntry - 1].mask & (unsigned)m.exc))
                ntry--;
            if (ntry > 0) {
                /* the handler gets str(exc) on the stack */
                tryframe *t = &tries[--ntry];
                sp = t->sp;
                stack[sp++] = vm_str_value(r->exc.s, r->exc.len);
                next = t->handler;
            } else {
                /* Socorro: the generator notes "Rule failed: <exc>" and runs the next rule */
                sg_result_info(r, m.rule, "Rule failed: %S", &r->exc);
                m.logname = m.rule;
                next = next_rule;
            }
            m.exc = 0;
        }
    advance:
        pc = next;
    }
}

sg_status sg_pipeline_run(const sg_program *prog, sg_result *r, const cJSON *crash_data,
                          sg_error *err)
{
    if (!prog)
        prog = &sg_program_linked;
    sg_status st = sg_program_check(prog, err);
    return st != SG_OK ? st : run(prog, r, crash_data, 0, 0, err);
}

sg_status sg_pipeline_run_checked(const sg_program *prog, sg_result *r, const cJSON *crash_data,
                                  sg_error *err)
{
    return run(prog ? prog : &sg_program_linked, r, crash_data, 0, 0, err);
}

sg_status sg_pipeline_run_rule(const sg_program *prog, sg_result *r, const cJSON *crash_data,
                               const char *rule, sg_error *err)
{
    if (!prog)
        prog = &sg_program_linked;
    sg_status st = sg_program_check(prog, err);
    if (st != SG_OK)
        return st;
    for (size_t pc = 0; pc < prog->code_len; pc += 1 + 2 * (size_t)n_operands(prog->code[pc]))
        if (prog->code[pc] == SG_OP_RULE && strcmp(prog->str[operand(prog->code, pc, 0)], rule) == 0)
            return run(prog, r, crash_data, pc, 1, err);
    err->code = SG_EINVAL;
    snprintf(err->msg, sizeof err->msg, "no rule named '%s' in the program", rule);
    return SG_EINVAL;
}

/* vm.h — the values and helpers the rule VM (vm.c) shares with its built-ins (builtins.c).
 * Runtime stage, internal. A value is what a Python expression in a Socorro rule would
 * hold: None, a bool, an int, a str, a list of values, or a JSON node read from the crash
 * (lists, dicts, floats and big ints stay JSON nodes and are read through pyval.h). */
#ifndef SG_VM_H
#define SG_VM_H
#include <cjson/cJSON.h>
#include "opcodes.h"
#include "result.h"

typedef enum { V_NONE, V_BOOL, V_INT, V_STR, V_LIST, V_JSON } vtype;

typedef struct vval {
    vtype t;
    long long i;            /* V_BOOL, V_INT (saturated) */
    const char *s;          /* V_STR: WTF-8, may hold NUL */
    size_t len;             /* V_STR bytes; V_LIST items */
    const struct vval *items; /* V_LIST */
    const cJSON *j;         /* V_JSON; for values read from the crash, their node */
} vval;

typedef struct vm {
    sg_result *r;
    const cJSON *crash;
    const char *rule;       /* the running rule's name ("Rule failed" notes) */
    const char *logname;    /* name for info/debug/set_signature (log_as) */
    int exc;                /* class bit (opcodes.h SG_EXCEPTIONS) of the pending exception */
    cJSON *owned[8];        /* trees json_loads made; freed when the run ends */
    int nowned;
} vm;

void vm_release(vm *m);
/* Python `a in b` into *res; may raise TypeError. */
int vm_in(vm *m, const vval *a, const vval *b, int *res);

/* Raises a Python exception of class bit `cls` with text fmt (sg_result_fmt directives). */
int vm_raise(vm *m, int cls, const char *fmt, ...);
enum {
#define SG_EXC_ENUM(name, bit) EXC_##name = bit,
    SG_EXCEPTIONS(SG_EXC_ENUM)
#undef SG_EXC_ENUM
};

vval vm_from_json(const cJSON *j);
vval vm_str_value(const char *s, size_t len);
const char *vm_type_name(const vval *v);
int vm_truthy(const vval *v);
/* Python str(v) into the run's arena; SG_RULE_OK or FATAL. */
int vm_to_str(vm *m, const vval *v, sg_str *out);
int vm_eq(const vval *a, const vval *b);

/* Calls built-in b with argc arguments; the result goes to *out. */
int sg_builtin_call(vm *m, sg_builtin b, const vval *args, int argc, vval *out);
#endif

/* testlib.h — the tiny harness every tests/t_*.c suite uses (tests stage).
 * A suite is `SG_SUITE(name) { ... }`; the Makefile collects them into build/tests/suites.h
 * and tests/run.c runs them and prints "N passed, N failed". One CHECK is one test case. */
#ifndef SG_TESTLIB_H
#define SG_TESTLIB_H
#include <stddef.h>

#define SG_SUITE(name) void suite_##name(void); void suite_##name(void)

/* Records one case; on failure prints the location and the formatted reason. Returns cond. */
int t_check(int cond, const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
#define CHECK(cond, ...) t_check(!!(cond), __FILE__, __LINE__, __VA_ARGS__)
/* A suite that cannot run here (missing ../shared) says so; counted apart, never as passed. */
void t_skip(const char *why, ...) __attribute__((format(printf, 1, 2)));

/* Environment set by `make check`: SG_BUILD, SG_SHARED, SG_SOCORRO_BUILD, SG_SIGGEN_BUILD.
 * t_path joins an environment directory and a relative path into a static-lifetime string
 * (NULL when the variable is unset or the path does not exist). */
const char *t_env(const char *var);
const char *t_path(const char *var, const char *rel);

/* Runs `sh -c cmd` with `in` (in_len bytes) on stdin; captures stdout and stderr (malloc'd,
 * NUL-terminated, caller frees). Returns the exit status (128+signal when killed). */
int t_run(const char *cmd, const char *in, size_t in_len, char **out, size_t *out_len, char **err);

/* Reads a whole file (malloc'd, NUL-terminated); NULL on failure. */
char *t_read_file(const char *path, size_t *len);
/* Splits buf in place into lines ('\n' removed); returns a malloc'd array, *n set. */
char **t_lines(char *buf, size_t *n);
#endif

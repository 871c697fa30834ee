# csiggen — one Makefile for the whole tree. `make help` lists the targets.
#
# Data flows one way: siglists/ -> build/sigc -> generated/ -> runtime/ -> build/signify.
# `make SIGLISTS=dir BUILD=dir` builds every tool against other lists into another build
# directory; then the generated sources go to $(BUILD)/generated and generated/ is left alone.

SIGLISTS ?= siglists
BUILD    ?= build
SHARED   ?= ../shared
CC       ?= cc
CFLAGS   ?= -O2 -g
LDFLAGS  ?=
WERROR   ?=
RE2C     ?= re2c
LEMON    ?= lemon
LEMPAR   ?= /usr/share/lemon/lempar.c

WARN = -std=c11 -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
       -Wconversion -Wcast-qual -Wundef
CPPFLAGS_ALL = -D_POSIX_C_SOURCE=200809L -Iruntime -I$(GENDIR)
ALL_CFLAGS = $(WARN) $(WERROR) $(CFLAGS) $(CPPFLAGS_ALL)
LIBS = -lcjson -lpthread

# Default lists regenerate the committed generated/; any other lists go under $(BUILD).
ifeq ($(abspath $(SIGLISTS)),$(abspath siglists))
GENDIR = generated
else
GENDIR = $(BUILD)/generated
endif

# Regenerating needs re2c and lemon; without them the committed generated/ is used as is.
HAVE_GEN_TOOLS := $(shell command -v $(RE2C) >/dev/null 2>&1 && command -v $(LEMON) >/dev/null 2>&1 && echo yes)

# ---- generated sources (sigc writes these; names fixed so make knows them) ----------------
GEN_LIB_NAMES  = match_irrelevant match_prefix match_line_numbers match_trim_dll sentinels program
GEN_TOOL_NAMES = match_lines
GEN_LIB_C   = $(GEN_LIB_NAMES:%=$(GENDIR)/%.c)
GEN_TOOL_C  = $(GEN_TOOL_NAMES:%=$(GENDIR)/%.c)
# list-independent scanners written by re2c from runtime/*.re; committed in generated/
RT_RE       = $(wildcard runtime/*.re)
RT_RE_C     = $(RT_RE:runtime/%.re=generated/%.c)

# ---- sources ----------------------------------------------------------------------------
TOOL_MAINS  = runtime/signify.c runtime/sgmatch.c
RT_C        = $(filter-out $(TOOL_MAINS),$(wildcard runtime/*.c))
COMP_C      = $(wildcard compiler/*.c)
COMP_Y      = $(wildcard compiler/*.y)
COMP_RE     = $(wildcard compiler/*.re)
COMP_GEN_C  = $(COMP_Y:compiler/%.y=$(BUILD)/compiler/%.c) $(COMP_RE:compiler/%.re=$(BUILD)/compiler/%.c)
TEST_C      = $(wildcard tests/t_*.c)

RT_OBJ   = $(RT_C:runtime/%.c=$(BUILD)/rt/%.o) $(GEN_LIB_C:$(GENDIR)/%.c=$(BUILD)/gen/%.o) \
           $(RT_RE_C:generated/%.c=$(BUILD)/rtgen/%.o)
COMP_OBJ = $(COMP_C:compiler/%.c=$(BUILD)/compiler/%.o) $(COMP_GEN_C:%.c=%.o) \
           $(BUILD)/compiler/unicode.o $(BUILD)/compiler/unicode_data.o

SIGC    = $(BUILD)/sigc
LIB     = $(BUILD)/libcsiggen.a
TOOLS   = $(SIGC) $(BUILD)/sgmatch $(BUILD)/signify $(LIB)

.PHONY: all regen check check-generated lint doc bench fuzz test-asan test-tsan clean help install
.SUFFIXES:
.DELETE_ON_ERROR:

all: $(TOOLS)

# ---- sigc: Lemon grammars and re2c lexers are built here, never committed (SQLite style)
$(BUILD)/compiler/%.c $(BUILD)/compiler/%.h: compiler/%.y
	@mkdir -p $(@D)
	$(LEMON) -l -q -T$(LEMPAR) -d$(BUILD)/compiler $<
$(BUILD)/compiler/%.c: compiler/%.re
	@mkdir -p $(@D)
	$(RE2C) -W -i --no-generation-date --no-version -o $@ $<
# lexers include the parser's token header
$(COMP_RE:compiler/%.re=$(BUILD)/compiler/%.o): $(COMP_Y:compiler/%.y=$(BUILD)/compiler/%.c)
$(COMP_C:compiler/%.c=$(BUILD)/compiler/%.o): $(COMP_Y:compiler/%.y=$(BUILD)/compiler/%.c)
$(BUILD)/compiler/%.o: compiler/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Icompiler -I$(BUILD)/compiler -MMD -MP -c -o $@ $<
# generated parser code: same flags, warnings it cannot avoid silenced here only
$(BUILD)/compiler/%.o: $(BUILD)/compiler/%.c
	$(CC) $(ALL_CFLAGS) -Wno-conversion -Wno-unused-parameter -Wno-missing-prototypes \
	  -Wno-sign-compare -Wno-shadow -Wno-unused-variable -Icompiler -I$(BUILD)/compiler -MMD -MP -c -o $@ $<
$(BUILD)/compiler/unicode.o: runtime/unicode.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<
$(BUILD)/compiler/unicode_data.o: runtime/unicode_data.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<
$(SIGC): $(COMP_OBJ)
	$(CC) $(LDFLAGS) $(CFLAGS) -o $@ $^ $(LIBS)

# ---- generated/: regenerated from the lists when re2c and lemon are here ------------------
ifeq ($(HAVE_GEN_TOOLS),yes)
$(GENDIR)/.stamp: $(SIGC) $(wildcard $(SIGLISTS)/*.txt $(SIGLISTS)/*.rules) siglists/pipeline.rules
	@mkdir -p $(GENDIR)
	$(SIGC) build $(SIGLISTS) -o $(GENDIR) --re2c $(RE2C) --rules siglists/pipeline.rules
	@touch $@
$(GEN_LIB_C) $(GEN_TOOL_C): $(GENDIR)/.stamp ;
generated/%.c: runtime/%.re
	$(RE2C) -W -i --no-generation-date --no-version -o $@.tmp $< && \
	  { cmp -s $@.tmp $@ && rm -f $@.tmp || mv $@.tmp $@; }
endif
regen: $(GENDIR)/.stamp $(RT_RE_C)

# ---- runtime library and tools -----------------------------------------------------------
$(BUILD)/rt/%.o: runtime/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<
$(BUILD)/gen/%.o: $(GENDIR)/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<
$(BUILD)/rtgen/%.o: generated/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<
$(LIB): $(RT_OBJ)
	@rm -f $@
	ar rcs $@ $^
$(BUILD)/sgmatch: $(BUILD)/rt/sgmatch.o $(GEN_TOOL_C:$(GENDIR)/%.c=$(BUILD)/gen/%.o) $(LIB)
	$(CC) $(LDFLAGS) $(CFLAGS) -o $@ $^ $(LIBS)
$(BUILD)/signify: $(BUILD)/rt/signify.o $(LIB)
	$(CC) $(LDFLAGS) $(CFLAGS) -o $@ $^ $(LIBS)

# ---- tests: one runner (tests/run.c) over every tests/t_*.c suite -------------------------
$(BUILD)/tests/suites.h: $(TEST_C)
	@mkdir -p $(@D)
	@sed -n 's/^SG_SUITE(\([a-z0-9_]*\)).*/SUITE(\1)/p' $(TEST_C) > $@.tmp && mv $@.tmp $@
$(BUILD)/tests/%.o: tests/%.c $(BUILD)/tests/suites.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Wno-missing-prototypes -Itests -I$(BUILD)/tests -MMD -MP -c -o $@ $<
$(BUILD)/run-tests: $(BUILD)/tests/run.o $(TEST_C:tests/%.c=$(BUILD)/tests/%.o) $(LIB)
	$(CC) $(LDFLAGS) $(CFLAGS) -o $@ $^ $(LIBS)

# The suite runs our default build plus builds against Socorro's and siggen's lists.
SOCORRO_BUILD = $(BUILD)/socorro
SIGGEN_BUILD  = $(BUILD)/siggen
PATTERNS_BUILD = $(BUILD)/patterns
check: all $(BUILD)/run-tests
	@if [ -d $(SHARED)/socorro/siglists ]; then \
	  $(MAKE) --no-print-directory SIGLISTS=$(SHARED)/socorro/siglists BUILD=$(SOCORRO_BUILD) all && \
	  $(MAKE) --no-print-directory SIGLISTS=$(SHARED)/siggen/siglists BUILD=$(SIGGEN_BUILD) all && \
	  $(MAKE) --no-print-directory SIGLISTS=$(SHARED)/corpus/regex/patterns BUILD=$(PATTERNS_BUILD) $(PATTERNS_BUILD)/sgmatch && \
	  for d in $(SHARED)/corpus/harvested/siglists/*/; do n=$$(basename $$d); \
	    $(MAKE) --no-print-directory SIGLISTS=$$d BUILD=$(BUILD)/harvest/$$n $(BUILD)/harvest/$$n/signify || exit 1; done; \
	else echo "note: $(SHARED) not found: corpus and Socorro-list tests will be reported as skipped"; fi
	SG_BUILD=$(BUILD) SG_SHARED=$(SHARED) SG_SOCORRO_BUILD=$(SOCORRO_BUILD) \
	  SG_SIGGEN_BUILD=$(SIGGEN_BUILD) SG_PATTERNS_BUILD=$(PATTERNS_BUILD) \
	  SG_HARVEST_BUILD=$(BUILD)/harvest $(BUILD)/run-tests $(TESTS)

check-generated: $(SIGC)
	@rm -rf $(BUILD)/gen-check && mkdir -p $(BUILD)/gen-check
	$(SIGC) build siglists -o $(BUILD)/gen-check --re2c $(RE2C) --rules siglists/pipeline.rules
	@for f in $(RT_RE); do b=$$(basename $$f .re); \
	  $(RE2C) -W -i --no-generation-date --no-version -o $(BUILD)/gen-check/$$b.c $$f || exit 1; done
	@if diff -r -x .stamp generated $(BUILD)/gen-check; then echo "generated/ is current"; \
	else echo "generated/ is stale: run 'make regen' and commit the result" >&2; exit 1; fi

lint: $(SIGC)
	$(SIGC) lint $(SIGLISTS) --werror

doc: $(SIGC)
	$(SIGC) doc $(SIGLISTS) -o docs/pipeline.md

# The sanitizer build also takes the portable scans (-DSG_NO_SIMD): both paths run the suite.
test-asan:
	$(MAKE) BUILD=build/asan CC=clang \
	  CFLAGS="-O1 -g -DSG_NO_SIMD -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
	  LDFLAGS="-fsanitize=address,undefined" check

# The suite again under ThreadSanitizer: the library's no-global-state claim and signify's
# --jobs workers (docs/hardening.md). SIMD stays on: TSan watches memory, not instructions.
test-tsan:
	TSAN_OPTIONS=halt_on_error=1 $(MAKE) BUILD=build/tsan CC=clang \
	  CFLAGS="-O1 -g -fsanitize=thread -fno-omit-frame-pointer" \
	  LDFLAGS="-fsanitize=thread" check

# ---- hostile input (docs/hardening.md): libFuzzer targets and a valgrind run of the CLI ----
# `make fuzz FUZZ_SECONDS=60` builds everything with clang's libFuzzer + ASan + UBSan into
# $(BUILD)/fuzz, extracts seeds from $(SHARED)/corpus (tests/fuzz/seed.sh) and runs each target
# for FUZZ_SECONDS; crashes land in $(BUILD)/fuzz/crashes/ and make fails.
FUZZ_SECONDS ?= 60
FUZZ_SAN      = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_RT       = fuzz_crash fuzz_normalize fuzz_jsonstr fuzz_json
FUZZ_COMP     = fuzz_regex fuzz_rules
FUZZ_TARGETS  = $(filter $(FUZZ_RT) $(FUZZ_COMP),$(patsubst tests/fuzz/%.c,%,$(wildcard tests/fuzz/fuzz_*.c)))
.PHONY: fuzz-build valgrind
fuzz:
	ASAN_OPTIONS=detect_leaks=0 $(MAKE) --no-print-directory BUILD=$(BUILD)/fuzz CC=clang \
	  CFLAGS="-O1 -g -fsanitize=fuzzer-no-link $(FUZZ_SAN)" LDFLAGS="$(FUZZ_SAN)" fuzz-build
	SHARED=$(SHARED) tests/fuzz/seed.sh $(BUILD)/fuzz/seeds
	@mkdir -p $(BUILD)/fuzz/crashes; fail=0; for t in $(FUZZ_TARGETS); do \
	  mkdir -p $(BUILD)/fuzz/corpus/$$t $(BUILD)/fuzz/seeds/$$t; \
	  echo "== $$t: $(FUZZ_SECONDS) s"; \
	  $(BUILD)/fuzz/$$t -max_total_time=$(FUZZ_SECONDS) -timeout=20 -rss_limit_mb=2560 \
	    -max_len=65536 -print_final_stats=1 $$([ -f tests/fuzz/$$t.dict ] && echo -dict=tests/fuzz/$$t.dict) \
	    -artifact_prefix=$(BUILD)/fuzz/crashes/$$t- \
	    $(BUILD)/fuzz/corpus/$$t $(BUILD)/fuzz/seeds/$$t 2>$(BUILD)/fuzz/$$t.log \
	    || { fail=1; grep -v '^#' $(BUILD)/fuzz/$$t.log | tail -25; echo "$$t FAILED: see $(BUILD)/fuzz/$$t.log"; }; \
	  grep -E '^stat::number_of_executed_units|^Done ' $(BUILD)/fuzz/$$t.log | tail -2; \
	done; exit $$fail
# (run inside the fuzz build: BUILD is $(BUILD)/fuzz there) runtime targets link the library,
# compiler targets link sigc's objects with its main made weak (libFuzzer brings its own).
fuzz-build: $(FUZZ_TARGETS:%=$(BUILD)/%)
$(FUZZ_RT:%=$(BUILD)/%): $(BUILD)/%: tests/fuzz/%.c $(LIB)
	$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer -o $@ $< $(LIB) $(LIBS)
$(BUILD)/compiler/sigc-nomain.o: $(BUILD)/compiler/sigc.o
	objcopy --weaken-symbol=main $< $@
FUZZ_COMP_OBJ = $(patsubst $(BUILD)/compiler/sigc.o,$(BUILD)/compiler/sigc-nomain.o,$(COMP_OBJ))
$(FUZZ_COMP:%=$(BUILD)/%): $(BUILD)/%: tests/fuzz/%.c $(FUZZ_COMP_OBJ)
	$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer -Icompiler -I$(BUILD)/compiler -o $@ $< \
	  $(FUZZ_COMP_OBJ) $(LIBS)

# valgrind memcheck of `signify --jsonl` over the corpus crash files: zero errors, zero leaks.
valgrind: all
	SHARED=$(SHARED) tests/valgrind.sh $(BUILD)/signify

PREFIX ?= /usr/local
install: $(TOOLS)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/include
	install -m 755 $(SIGC) $(BUILD)/sgmatch $(BUILD)/signify $(DESTDIR)$(PREFIX)/bin
	install -m 644 $(LIB) $(DESTDIR)$(PREFIX)/lib
	install -m 644 runtime/csiggen.h $(DESTDIR)$(PREFIX)/include

# Measurements only (never part of check): bench/run.sh writes bench/RESULTS.md.
bench:
	bench/run.sh

clean:
	rm -rf build generated/.stamp

help:
	@echo "targets: all (default) regen check check-generated lint doc bench fuzz test-asan test-tsan valgrind install clean"
	@echo "vars:    SIGLISTS=dir BUILD=dir SHARED=dir WERROR=-Werror CC=... CFLAGS=... TESTS=suite..."
	@echo "         FUZZ_SECONDS=60 (time per fuzz target)"

-include $(wildcard $(BUILD)/*/*.d)

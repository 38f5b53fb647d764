# Jining Campaign Map: the two commands a newcomer needs, and the steps behind them.
#
#   make serve      install what is missing, build the web app, serve it at http://127.0.0.1:$(PORT)
#   make test       install what is missing, run every test (unit via CTest, browser via Playwright)
#   make validate DATA=file.json    check a data file before publishing it (fails on invalid data)
#   make dist       what to deploy: dist/site/ (static host, offline) + dist/jining-campaign.html
#
# Everything built goes under build/ (third-party sources and the SDL2 wasm build are cached in
# build/_deps, keyed by package and emcc version). Installing Debian packages needs root or sudo.

PORT ?= 8080
HOST ?= 127.0.0.1
DATA ?= data/campaign.json
BUILD := build
DEPS := $(BUILD)/_deps
SITE := $(BUILD)/site
DIST := dist
NATIVE := $(BUILD)/native
WEB := $(BUILD)/web
# Sanitizer unit tests, fuzzing (clang) and benchmarks (make asan / fuzz / bench): own build dirs.
ASAN := $(BUILD)/asan
FUZZ := $(BUILD)/fuzz
BENCH := $(BUILD)/bench
FUZZ_SECONDS ?= 300
# make bench measures this commit's site interleaved with the current one (BENCHMARKS.md ratios).
BASELINE ?= 282ada7
FUZZ_SMOKE_SECONDS ?= 25
SANITIZE := -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
BUILD_TYPE ?= Release

export NODE_PATH ?= /usr/share/nodejs
SHELL := /bin/bash

.PHONY: all serve test site web native unit browser validate deps deps-test third-party font dist clean help

all: site

help:
	@sed -n '3,10p' Makefile

# ---- dependencies ---------------------------------------------------------------------------
deps:
	@tools/install-deps.sh build

deps-test:
	@tools/install-deps.sh all

third-party: deps
	@tools/fetch-sources.sh $(DEPS) all

node_modules/.package-lock.json: package.json
	@echo "npm: installing terser, playwright-core and the boundary package"
	@npm install --no-audit --no-fund --loglevel=error
	@touch $@

# ---- native: core library, unit tests, validator --------------------------------------------
native: third-party
	@cmake -S . -B $(NATIVE) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) >/dev/null
	@cmake --build $(NATIVE)

unit: native
	@cd $(NATIVE) && ctest --output-on-failure

validate: deps
	@cmake -S . -B $(NATIVE) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) >/dev/null
	@cmake --build $(NATIVE) --target jcm-validate >/dev/null
	@$(NATIVE)/jcm-validate "$(DATA)"

# ---- web: the WebAssembly app and the static site -------------------------------------------
web: third-party
	@emcmake cmake -S . -B $(WEB) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) \
	  -DSDL2_DIR=$(abspath $(DEPS)/sdl2-wasm)/lib/cmake/SDL2 >/dev/null
	@cmake --build $(WEB)

# Where the wasm's bytes go, by library and function: the web build with function names kept
# (build/web-size, never shipped), read by tools/wasm-size.mjs. See BENCHMARKS.md.
wasm-size: third-party
	@emcmake cmake -S . -B $(BUILD)/web-size -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) -DJCM_WASM_NAMES=ON \
	  -DJCM_WASM_SPLIT=whole -DSDL2_DIR=$(abspath $(DEPS)/sdl2-wasm)/lib/cmake/SDL2 >/dev/null
	@cmake --build $(BUILD)/web-size
	@node tools/wasm-size.mjs $(BUILD)/web-size/jining-campaign.wasm --top 30

# Which functions the first views leave for jining-campaign.deferred.wasm: an instrumented build
# (build/web-profile) run in headless Chromium at phone, tablet and desktop sizes in both
# languages, written to src/platform/deferred-functions.txt. Run it after changing what the first
# view calls, and commit the list. See BENCHMARKS.md "Wasm size".
split-profile: deps-test third-party node_modules/.package-lock.json
	@emcmake cmake -S . -B $(BUILD)/web-profile -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) \
	  -DJCM_WASM_SPLIT=instrument -DSDL2_DIR=$(abspath $(DEPS)/sdl2-wasm)/lib/cmake/SDL2 >/dev/null
	@cmake --build $(BUILD)/web-profile
	@tools/assemble-site.sh $(BUILD)/web-profile $(BUILD)/web-profile/site >/dev/null
	@node tools/split-profile.mjs $(BUILD)/web-profile src/platform/deferred-functions.txt

font: deps
	@tools/subset-font.sh $(SITE)/assets

site: web font node_modules/.package-lock.json
	@tools/assemble-site.sh $(WEB) $(SITE)

# dist/site (gzip, manifest + icons, versioned service worker) and dist/jining-campaign.html (one
# file for file://). See README "Deploying".
dist: site
	@node tools/make-dist.mjs --site $(SITE) --out $(DIST)

serve: site
	@echo "Serving $(SITE) at http://$(HOST):$(PORT)/  (Ctrl-C stops)"
	@node tools/serve.mjs $(SITE) --host $(HOST) --port $(PORT)

# ---- tests ----------------------------------------------------------------------------------
browser: deps-test site dist node_modules/.package-lock.json
	@node --test --test-concurrency=1 tests/browser/

# Each part's time (its builds included) is in the summary: the whole must stay under 40 minutes
# on a fresh 2-core machine.
test: deps-test
	@u=0; s=0; f=0; b=0; t0=$$(date +%s); \
	  $(MAKE) --no-print-directory unit    || u=1; t1=$$(date +%s); \
	  $(MAKE) --no-print-directory asan    || s=1; t2=$$(date +%s); \
	  $(MAKE) --no-print-directory fuzz FUZZ_SECONDS=$(FUZZ_SMOKE_SECONDS) || f=1; t3=$$(date +%s); \
	  $(MAKE) --no-print-directory browser || b=1; t4=$$(date +%s); \
	  ok() { [ $$1 = 0 ] && echo PASS || echo FAIL; }; took() { echo "($$(( ($$2 - $$1) / 60 )) min $$(( ($$2 - $$1) % 60 )) s)"; }; \
	  echo; echo "==== test summary ===="; \
	  echo "unit tests (doctest via CTest):      $$(ok $$u) $$(took $$t0 $$t1)"; \
	  echo "unit tests under ASan + UBSan:       $$(ok $$s) $$(took $$t1 $$t2)"; \
	  echo "fuzz smoke ($(FUZZ_SMOKE_SECONDS) s, loader + geometry): $$(ok $$f) $$(took $$t2 $$t3)"; \
	  echo "browser tests (Playwright/Chromium): $$(ok $$b) $$(took $$t3 $$t4)"; \
	  [ $$u = 0 ] && [ $$s = 0 ] && [ $$f = 0 ] && [ $$b = 0 ]

# ---- sanitizers, fuzzing, benchmarks (README "Benchmarks", BENCHMARKS.md) --------------------
.PHONY: asan fuzz bench wasm-size split-profile

# The unit tests again, built (by g++, as make unit) with AddressSanitizer + UndefinedBehaviorSanitizer,
# and with assertions (ImGui's IM_ASSERT: a misuse of its API aborts the test). -O1 with line tables
# (-g1) builds in half the time -O2 -g took (3 min against 6.3 on 2 cores); traces still name lines.
asan: deps-test third-party
	@cmake -S . -B $(ASAN) -G Ninja -DCMAKE_BUILD_TYPE= \
	  -DCMAKE_CXX_FLAGS="-O1 -g1 $(SANITIZE)" -DCMAKE_EXE_LINKER_FLAGS="$(SANITIZE)" >/dev/null
	@cmake --build $(ASAN)
	@cd $(ASAN) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest --output-on-failure

# libFuzzer on the data loader + geometry for FUZZ_SECONDS (make fuzz FUZZ_SECONDS=3600).
fuzz: deps-test
	@CC=clang CXX=clang++ cmake -S . -B $(FUZZ) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DJCM_FUZZ=ON >/dev/null
	@cmake --build $(FUZZ) --target jcm-fuzz-load
	@fuzz/run.sh $(FUZZ) $(FUZZ_SECONDS)

# Measures size, speed and memory (native + headless Chromium) and rewrites BENCHMARKS.md.
bench: deps-test site node_modules/.package-lock.json
	@cmake -S . -B $(BENCH) -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(BENCH) --target jcm-bench
	@$(BENCH)/jcm-bench --json $(BENCH)/native.json --write-synthetic $(BENCH)/synthetic-2000.json
	@base=$$(tools/build-baseline.sh $(BASELINE) $(BENCH)/baseline) && \
	  node tools/bench.mjs --site $(SITE) --native $(BENCH)/native.json \
	  --synthetic $(BENCH)/synthetic-2000.json --work $(BENCH) --out BENCHMARKS.md \
	  --baseline-site $$base --baseline-name $(BASELINE)

clean:
	rm -rf $(NATIVE) $(WEB) $(SITE) $(BUILD)/test-output $(DIST)

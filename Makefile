# The two commands: `make run` and `make test`. Both install what is missing first.
BUILD ?= build
DB ?= var/inloco.db
LISTEN ?= 127.0.0.1:8080
JOBS ?= $(shell nproc)

.PHONY: deps build run test test-fast lint bench clean

deps:
	@scripts/install-deps.sh

$(BUILD)/build.ninja: CMakeLists.txt
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release $(CMAKE_ARGS)

build: deps $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS)

run: build
	@mkdir -p var
	@if [ -f $(DB) ]; then \
	  echo "Using the existing $(DB) (delete it to start again with a fresh demo trust)."; \
	  echo "Demo sign-ins: head.oakfield, dsl.oakfield, office.oakfield, ... (see README); password demo-sign-in-2026"; \
	else $(BUILD)/inloco demo --db sqlite:$(DB); fi
	$(BUILD)/inloco serve --db sqlite:$(DB) --listen $(LISTEN) --static $(BUILD)/static

test: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

# The unit label only (SQLite, no servers): the loop to run while working.
test-fast: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS) -L unit

# clang-format in check mode and clang-tidy on the project's own files (scripts/lint.sh), from
# a configure-only folder of its own (no precompiled headers: clang-tidy reads the sources).
LINT_BUILD ?= build-lint
lint: deps
	cmake -S . -B $(LINT_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release -DINLOCO_FAST_TESTS=OFF > /dev/null
	scripts/lint.sh $(LINT_BUILD)

bench: build
	bench/http_read.sh $(BUILD)
	$(BUILD)/bench_checker --corpus $(BUILD)/checker_corpus.txt --node-script bench/checker/obscenity_bench.mjs
	$(BUILD)/bench_filter --lists ../shared/data/ut1 --snapshot $(BUILD)/bench_ut1.snap
	$(BUILD)/squidguard_vs_helper --lists ../shared/data/ut1 --helper $(BUILD)/inloco-squid-helper

clean:
	rm -rf $(BUILD) $(LINT_BUILD)

# kbsite: `make site` builds content/ into public/; `make test` runs every test.
GO ?= go
KBSITE := bin/kbsite

.PHONY: site test test-deps test-e2e build vet clean serve fuzz

# The browser tests (generator/e2e) drive Debian's Chromium, never a browser
# that a tool downloads.
CHROMIUM := /usr/bin/chromium
NPM ?= npm
APT_INSTALL := DEBIAN_FRONTEND=noninteractive apt-get install -y

site: $(KBSITE)
	./$(KBSITE) build

build: $(KBSITE)

# The default theme (templates/) and the init scaffold are embedded in the binary.
$(KBSITE): $(shell find generator -name '*.go') kbsite.go $(shell find templates generator/cmd/kbsite/scaffold -type f) go.mod go.sum
	$(GO) build -o $(KBSITE) ./generator/cmd/kbsite

# staticcheck is pinned in go.mod (tool directive), so `go tool` fetches
# that version through the module proxy on a fresh machine.
vet:
	$(GO) vet ./...
	$(GO) tool staticcheck ./...
	@test -z "$$(gofmt -l generator)" || (echo "gofmt needed:"; gofmt -l generator; exit 1)

# Every test: go vet, gofmt, and all Go tests, which include the browser
# tests; KBSITE_REQUIRE_BROWSER turns their "no browser" skip into a failure.
test: vet test-deps
	KBSITE_REQUIRE_BROWSER=1 KBSITE_REQUIRE_CORPUS=1 $(GO) test ./...

# Only the browser tests, with their report as they run.
test-e2e: test-deps
	KBSITE_REQUIRE_BROWSER=1 $(GO) test -count=1 -v -run '^TestBrowser$$' ./generator/e2e

# What the browser tests need beyond Go: Chromium and Java from Debian (as
# root; apt-get update only if the first try fails) and node_modules.
test-deps: node_modules/.package-lock.json
	@if [ ! -x $(CHROMIUM) ]; then \
		echo "make: installing Debian's chromium for the browser tests"; \
		$(APT_INSTALL) chromium || { apt-get update && $(APT_INSTALL) chromium; }; \
	fi
	@if ! command -v java >/dev/null 2>&1; then \
		echo "make: installing Java for the Nu HTML Checker"; \
		$(APT_INSTALL) openjdk-17-jre-headless || { apt-get update && $(APT_INSTALL) openjdk-17-jre-headless; }; \
	fi
	@command -v node >/dev/null 2>&1 || { echo "make: the browser tests need Node.js 20 or later"; exit 1; }

# npm writes node_modules/.package-lock.json on every install, so it is
# older than package.json or package-lock.json when node_modules is stale.
node_modules/.package-lock.json: package.json $(wildcard package-lock.json)
	@if [ -f package-lock.json ]; then \
		PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 $(NPM) ci --include=dev --no-audit --no-fund; \
	else \
		PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 $(NPM) install --include=dev --no-audit --no-fund; \
	fi
	@touch $@

clean:
	rm -rf public bin test-artifacts

# Live preview with reload on 127.0.0.1:8080.
serve: $(KBSITE)
	./$(KBSITE) serve

# Runs every fuzz target for FUZZTIME each (the seeds in testdata/fuzz run
# in `make test` too).
FUZZTIME ?= 30s
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME) ./generator/content
	$(GO) test -run '^$$' -fuzz '^FuzzRender$$' -fuzztime $(FUZZTIME) ./generator/markdown
	$(GO) test -run '^$$' -fuzz '^FuzzResolve$$' -fuzztime $(FUZZTIME) ./generator/resolve
	$(GO) test -run '^$$' -fuzz '^FuzzQuery$$' -fuzztime $(FUZZTIME) ./generator/search/export
	$(GO) test -run '^$$' -fuzz '^FuzzExport$$' -fuzztime $(FUZZTIME) ./generator/search/export

# Benchmarks (generator/cmd/kbbench, bench/, BENCHMARKS.md). SIZES picks the
# generated corpora (100k is opt-in: SIZES=1k,10k,100k); PEERS=1 installs
# Hugo and Pagefind first (otherwise they are skipped when missing);
# WRITE=BENCHMARKS.md rewrites the results file; BENCH_FLAGS passes more
# kbbench flags (kbbench -h). bench-search adds the browser search benchmark.
.PHONY: bench bench-search
SIZES ?= 1k,10k
KBBENCH := bin/kbbench
KBBENCH_ARGS = -sizes $(SIZES) $(if $(filter 1 yes true,$(PEERS)),-install-peers) $(if $(WRITE),-write $(WRITE)) $(BENCH_FLAGS)

$(KBBENCH): $(shell find generator -name '*.go') go.mod go.sum
	$(GO) build -o $(KBBENCH) ./generator/cmd/kbbench

bench: $(KBSITE) $(KBBENCH)
	./$(KBBENCH) $(KBBENCH_ARGS)

bench-search: $(KBSITE) $(KBBENCH) node_modules/.package-lock.json
	@if [ ! -x $(CHROMIUM) ]; then \
		echo "make: installing Debian's chromium for the search benchmark"; \
		$(APT_INSTALL) chromium || { apt-get update && $(APT_INSTALL) chromium; }; \
	fi
	./$(KBBENCH) -search $(KBBENCH_ARGS)

# Search relevance on the real corpora in ../shared/corpus (bench/relevance.mjs):
# kbsite and Pagefind (npm, into bench/.peers) on bench/queries-<corpus>.tsv,
# both in Chromium; the table goes into BENCHMARKS.md. RELEVANCE_FLAGS are
# kbsite build flags for the corpora.
.PHONY: relevance
CORPORA ?= ../shared/corpus
RELEVANCE_FLAGS ?= -warn-links
PAGEFIND := bench/.peers/node_modules/@pagefind/linux-x64/bin/pagefind_extended

$(PAGEFIND):
	$(NPM) install --no-save --no-audit --no-fund --prefix bench/.peers pagefind@1.6.0

# node_modules is installed only when missing: a worktree's symlinked
# node_modules looks stale to the rule above, and npm ci through the link
# would empty the folder it points to.
relevance: $(KBSITE) $(PAGEFIND)
	@test -d node_modules/playwright-core || $(MAKE) node_modules/.package-lock.json
	@if [ ! -x $(CHROMIUM) ]; then \
		echo "make: installing Debian's chromium for the relevance benchmark"; \
		$(APT_INSTALL) chromium || { apt-get update && $(APT_INSTALL) chromium; }; \
	fi
	node bench/relevance.mjs --kbsite $(KBSITE) --pagefind $(PAGEFIND) --corpora $(CORPORA) \
		--build-flags "$(RELEVANCE_FLAGS)" --write BENCHMARKS.md $(if $(VERBOSE),--verbose 1)

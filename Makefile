# kbsite: `make site` builds content/ into public/; `make test` runs every test.
GO ?= go
KBSITE := bin/kbsite

.PHONY: site test build vet clean

site: $(KBSITE)
	./$(KBSITE) build

build: $(KBSITE)

$(KBSITE): $(shell find generator -name '*.go') go.mod go.sum
	$(GO) build -o $(KBSITE) ./generator/cmd/kbsite

vet:
	$(GO) vet ./...
	@test -z "$$(gofmt -l generator)" || (echo "gofmt needed:"; gofmt -l generator; exit 1)

test: vet
	$(GO) test ./...

clean:
	rm -rf public bin test-artifacts

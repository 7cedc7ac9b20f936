# Two commands on a fresh Debian/Ubuntu machine:
#   make demo   the whole check on the built-in simulated card
#   make test   every test, the real PC/SC stack included
GO ?= go
export PATH := $(PATH):/usr/local/go/bin:$(shell $(GO) env GOPATH 2>/dev/null)/bin

.PHONY: demo test build lint deps-build deps-test

# The whole check on the built-in simulated card: what a resident sees.
demo: build
	bin/jpkicheck demo

test: deps-test
	$(GO) test -count=1 ./...

build: deps-build
	$(GO) build -o bin/ ./cmd/jpkicheck

lint:
	@test -z "$$(gofmt -l .)" || { echo "gofmt needed:"; gofmt -l .; exit 1; }
	$(GO) vet ./...

deps-build:
	@scripts/deps.sh build

deps-test:
	@scripts/deps.sh test

# Two commands on a fresh Debian/Ubuntu machine:
#   make demo   the whole check on the built-in simulated card
#   make test   every test, the real PC/SC stack included
GO ?= go
export PATH := $(PATH):/usr/local/go/bin:$(HOME)/go/bin
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo devel)
LDFLAGS := -s -w -X main.version=$(VERSION)

.PHONY: demo test build dist cross lint deps-build deps-test

# The whole check on the built-in simulated card: what a resident sees.
demo: build
	bin/jpkicheck demo

test: deps-test
	$(GO) test -count=1 ./...

build: deps-build
	$(GO) build -o bin/ ./cmd/jpkicheck

# Release binaries for where residents are: Linux (cgo, links libpcsclite)
# and Windows (pure Go: ebfe/scard calls winscard.dll directly). macOS
# binaries are built on a Mac, with cgo (see README).
dist: deps-build
	CGO_ENABLED=1 GOOS=linux GOARCH=amd64 $(GO) build -trimpath -ldflags '$(LDFLAGS)' -o dist/jpkicheck-$(VERSION)-linux-amd64 ./cmd/jpkicheck
	CGO_ENABLED=0 GOOS=windows GOARCH=amd64 $(GO) build -trimpath -ldflags '$(LDFLAGS)' -o dist/jpkicheck-$(VERSION)-windows-amd64.exe ./cmd/jpkicheck
	@ls -l dist/

# The Windows build must never break unnoticed: CI cross-compiles it and
# vets it (vet type-checks the tests too).
cross:
	CGO_ENABLED=0 GOOS=windows GOARCH=amd64 $(GO) build ./...
	CGO_ENABLED=0 GOOS=windows GOARCH=amd64 $(GO) vet ./...

lint:
	@test -z "$$(gofmt -l .)" || { echo "gofmt needed:"; gofmt -l .; exit 1; }
	$(GO) vet ./...

deps-build:
	@scripts/deps.sh build

deps-test:
	@scripts/deps.sh test

# Two commands on a fresh Debian/Ubuntu machine:
#   make demo   the whole check on the built-in simulated card
#   make test   every test, the real PC/SC stack included
#   make bench  jpkicheck beside OpenSC on the real PC/SC stack (~5 min)
GO ?= go
export PATH := $(PATH):/usr/local/go/bin:$(HOME)/go/bin
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo devel)
LDFLAGS := -s -w -X main.version=$(VERSION)

.PHONY: demo test bench build dist dist-check deploy-check test-windows release-check cross lint vulncheck fuzz deps-build deps-test

# The whole check on the built-in simulated card: what a resident sees.
demo: build
	bin/jpkicheck demo

test: deps-test
	$(GO) test -count=1 ./...

# What a resident waits for: jpkicheck and OpenSC on the same simulated
# card through a private pcscd, under the plain, contact (9600 baud) and
# NFC link models, each command a fresh process 20 times. Tables on stdout
# and in bin/bench.md; docs/benchmarks.md shows a run. Not part of test:
# it takes minutes and wants an idle machine. The kiosk's browser test,
# once it exists, needs chromium.
bench: deps-test
	@if grep -rlq --include='*_test.go' --exclude-dir=bench 'kiosk-latency' internal cmd 2>/dev/null; then scripts/deps.sh browser; fi
	$(GO) test -c -o bin/bench.test ./internal/bench
	JPKICHECK_BENCH=1 bin/bench.test -test.run '^TestBench$$' -test.timeout 20m

build: deps-build
	$(GO) build -o bin/ ./cmd/jpkicheck

# Release packages for where residents are, in DIST (default dist/):
# jpkicheck-VERSION-windows-amd64.zip (the .exe with version information
# and icon, README in Japanese and English, the kiosk files),
# jpkicheck_VERSION_amd64.deb (depends on pcscd; the kiosk's systemd
# units), jpkicheck-VERSION-linux-amd64.tar.gz and SHA256SUMS. Linux links
# libpcsclite (cgo); Windows is pure Go (ebfe/scard calls winscard.dll).
# macOS binaries are built on a Mac, with cgo (see README). They are built
# with RELEASE_GO, not the machine's Go: govulncheck finds standard-library
# vulnerabilities reachable through the kiosk's HTTP server in go1.26.8
# that later releases fix (make release-check proves the release toolchain
# clean). The Go command fetches that toolchain from the module proxy.
# Reproducible: the same commit gives the same bytes (scripts/dist/dist.sh).
RELEASE_GO ?= go1.27.3
DIST ?= dist
dist: deps-build
	GOTOOLCHAIN=$(RELEASE_GO) GO=$(GO) scripts/dist/dist.sh $(DIST) $(VERSION)

# CI: two builds of one commit are identical, and the .deb installs with
# apt-get, runs from PATH and purges cleanly.
dist-check:
	$(MAKE) dist DIST=dist VERSION=$(VERSION)
	$(MAKE) dist DIST=bin/dist-again VERSION=$(VERSION)
	cmp dist/SHA256SUMS bin/dist-again/SHA256SUMS
	@echo "dist: two builds identical"
	scripts/dist/deb-check.sh dist/jpkicheck_$(VERSION)_amd64.deb

# The kiosk's systemd units (deploy/linux) pass systemd-analyze verify
# without a warning: a misspelt key would be ignored on the lobby PC.
deploy-check:
	@scripts/deps.sh deploy
	deploy/linux/verify.sh

# jpkicheck.exe under Wine 10 against a real pcscd and the simulated card,
# every command compared with the Linux binary (docs/windows.md). EXE= a
# release zip or .exe to test instead of a fresh build. Builds the Wine
# root once per machine under /var/cache/jpkicheck-wine. Needs root.
EXE ?=
test-windows: deps-build
	GOTOOLCHAIN=$(RELEASE_GO) GO=$(GO) EXE=$(EXE) VERSION=$(VERSION) scripts/windows/test.sh

# The release toolchain builds, vets and passes the fast tests, and has no
# reachable known vulnerability, standard library included.
release-check:
	GOTOOLCHAIN=$(RELEASE_GO) $(GO) vet ./...
	GOTOOLCHAIN=$(RELEASE_GO) $(GO) test -count=1 ./internal/window ./internal/jpki ./internal/report ./internal/certfile ./internal/ics ./cmd/jpkicheck
	GOTOOLCHAIN=$(RELEASE_GO) GOBIN=$(CURDIR)/bin/release-tools $(GO) install $(GOVULNCHECK)
	GOTOOLCHAIN=$(RELEASE_GO) $(GO) run ./scripts/vulncheck -govulncheck $(CURDIR)/bin/release-tools/govulncheck -stdlib fail ./...

# The Windows build must never break unnoticed: CI cross-compiles it and
# vets it (vet type-checks the tests too).
cross:
	CGO_ENABLED=0 GOOS=windows GOARCH=amd64 $(GO) build ./...
	CGO_ENABLED=0 GOOS=windows GOARCH=amd64 $(GO) vet ./...

# Linters at pinned versions, installed with go install (module proxy).
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
GOVULNCHECK := golang.org/x/vuln/cmd/govulncheck@v1.9.0

lint:
	@test -z "$$(gofmt -l .)" || { echo "gofmt needed:"; gofmt -l .; exit 1; }
	$(GO) vet ./...
	$(GO) install $(STATICCHECK)
	staticcheck ./...
	$(GO) mod verify
	@$(GO) mod tidy -diff >/dev/null || { echo "go mod tidy would change go.mod/go.sum:"; $(GO) mod tidy -diff; exit 1; }

# Known vulnerabilities the code can reach, against the Go vulnerability
# database read offline from the golang.org/x/vulndb module (see
# scripts/vulncheck). Standard-library findings warn: the toolchain is the
# machine's; VULNCHECK_STDLIB=fail makes them fail (for release builds).
VULNCHECK_STDLIB ?= warn
vulncheck:
	$(GO) install $(GOVULNCHECK)
	$(GO) run ./scripts/vulncheck -stdlib $(VULNCHECK_STDLIB) ./...

# Every native fuzz target for FUZZTIME each (CI: FUZZTIME=4s). Crashers
# land in the package's testdata/fuzz/ and replay in every go test.
FUZZTIME ?= 5m
fuzz:
	FUZZTIME=$(FUZZTIME) scripts/fuzz.sh

deps-build:
	@scripts/deps.sh build

deps-test:
	@scripts/deps.sh test

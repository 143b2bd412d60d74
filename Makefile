# Fieldbook — the two commands a new machine needs:
#   make run    install what is missing, build, open the app (DEMO=1 adds demo contacts)
#   make test   install what is missing, then every test: vet, Go, front end, end to end
# Everything else here is a step of those two.

SHELL := /bin/bash
.DEFAULT_GOAL := help

VERSION    := $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
TAGS       := webkit2_41 sqlite_fts5
LDFLAGS    := -X main.version=$(VERSION)
BIN        := build/bin/fieldbook
DEV_BIN    := build/bin/fieldbook-dev
GOBIN      := $(shell go env GOPATH 2>/dev/null)/bin
WAILS      := $(GOBIN)/wails
WAILS_VER  := v2.16.0
DEMO_SIZE  ?= 2000

# System packages, each with why Fieldbook needs it (_ stands for a space).
RUN_PACKAGES := \
  gcc:compiles_SQLite_and_the_window_glue_with_cgo \
  libc6-dev:C_library_headers_for_cgo \
  pkg-config:finds_GTK_and_WebKit_for_the_build \
  libgtk-3-dev:the_desktop_window,_GTK_3 \
  libwebkit2gtk-4.1-dev:the_web_view_that_draws_the_interface \
  fonts-lohit-beng-bengali:a_font_for_the_Bengali_interface_and_names
TEST_PACKAGES := $(RUN_PACKAGES) \
  xvfb:a_virtual_screen_for_the_window_in_end-to-end_tests \
  xauth:lets_Xvfb_run_without_a_desktop \
  git:Xandikos_stores_address_books_in_git_and_the_tests_bulk-load_it \
  chromium:the_browser_that_drives_the_real_app_in_end-to-end_tests \
  radicale:a_real_CardDAV_server_for_the_sync_tests \
  xandikos:a_real_CardDAV_server_for_the_sync_tests \
  davical:a_real_CardDAV_server_for_the_sync_tests \
  postgresql:the_database_DAViCal_runs_on_in_the_sync_tests \
  php-cli:runs_DAViCal_in_the_sync_tests

FRONTEND_SRC := $(shell find frontend/src frontend/wailsjs frontend/public -type f 2>/dev/null) frontend/index.html frontend/vite.config.ts frontend/package.json
GO_SRC       := $(shell find . -name '*.go' -not -path './frontend/*' -not -path './e2e/*' 2>/dev/null) go.mod go.sum $(shell find backend -name '*.sql' 2>/dev/null)

.PHONY: help run build test deps-run deps-test tools vet go-test frontend-test e2e bindings check-bindings bench bench-import bench-sync clean

help:
	@echo "make run     build and open Fieldbook (make run DEMO=1 adds $(DEMO_SIZE) demo contacts to an empty database)"
	@echo "make test    run every test (installs what is missing)"
	@echo "make bench   benchmarks at 100,000 contacts"
	@echo "make bench-import  time the import of 100,000 vCards (target < 15 s)"
	@echo "make bench-sync  time Fieldbook's sync against vdirsyncer's: 5,000 contacts + 2,000 meetings on a real Radicale"
	@echo "make bindings  regenerate frontend/wailsjs after changing a bound Go method"

## ---- set-up ----------------------------------------------------------------

deps-run:
	@scripts/ensure-packages.sh $(RUN_PACKAGES)
	@scripts/check-tools.sh

deps-test:
	@scripts/ensure-packages.sh $(TEST_PACKAGES)
	@scripts/check-tools.sh

$(WAILS):
	@echo "Installing the Wails CLI $(WAILS_VER) (generates the front end's bindings) into $(GOBIN)"
	go install github.com/wailsapp/wails/v2/cmd/wails@$(WAILS_VER)

frontend/node_modules/.installed: frontend/package.json
	cd frontend && npm install --no-audit --no-fund
	touch $@

e2e/node_modules/.installed: e2e/package.json
	cd e2e && npm install --no-audit --no-fund
	touch $@

## ---- build -----------------------------------------------------------------

frontend/dist/index.html: frontend/node_modules/.installed $(FRONTEND_SRC)
	cd frontend && npm run build
	touch frontend/dist/.gitkeep

$(BIN): frontend/dist/index.html $(GO_SRC)
	go build -tags "desktop production $(TAGS)" -ldflags "$(LDFLAGS)" -o $@ .

$(DEV_BIN): frontend/dist/index.html $(GO_SRC)
	go build -tags "dev $(TAGS)" -ldflags "$(LDFLAGS)" -o $@ .

build: deps-run $(BIN)

run: build
	@if [ -z "$$DISPLAY$$WAYLAND_DISPLAY" ]; then echo "No graphical display (DISPLAY/WAYLAND_DISPLAY unset): run make run from a desktop session." >&2; exit 1; fi
ifeq ($(DEMO),1)
	$(BIN) seed --contacts $(DEMO_SIZE) --if-empty
endif
	$(BIN)

bindings: $(WAILS)
	$(WAILS) generate module -tags "$(TAGS)"

## ---- test ------------------------------------------------------------------

test: deps-test vet check-bindings go-test frontend-test e2e

vet:
	go vet -tags "$(TAGS)" ./...

check-bindings: $(WAILS)
	@scripts/check-bindings.sh $(WAILS) "$(TAGS)"

go-test:
	go test -tags sqlite_fts5 -count=1 ./...

frontend-test: frontend/node_modules/.installed
	cd frontend && npm test

e2e: deps-test $(DEV_BIN) e2e/node_modules/.installed
	cd e2e && FIELDBOOK_BIN=$(abspath $(DEV_BIN)) FIELDBOOK_ASSETS=$(abspath frontend/dist) npm test

bench:
	go test -tags sqlite_fts5 -run '^$$' -bench . -benchtime 20x ./backend/store/

# Imports one file of 100,000 vCards into a fresh database and prints the
# time (issue 3's target: under 15 s).
bench-import:
	@go test -tags sqlite_fts5 -run '^$$' -bench ImportVCards100k -benchtime 1x ./backend/importexport/ | \
	  awk '/^Benchmark/ { for (i = 1; i <= NF; i++) if ($$i == "s/import") s = $$(i-1); else if ($$i == "contacts/s") r = $$(i-1) } \
	       END { if (s == "") { print "bench-import: no result"; exit 1 } \
	             printf "import of 100,000 vCards: %s s (%s contacts/s), target < 15 s\n", s, r }'

# Both clients sync the same contacts (address book) and meetings (calendar)
# from the same Radicale; prints wall times and the ratios against PRODUCT.md's
# targets (BENCH_SYNC_ARGS: e.g. -n 2000 -events 500 -first vdirsyncer -keep).
bench-sync:
	@scripts/ensure-packages.sh $(filter gcc:% libc6-dev:%,$(RUN_PACKAGES)) \
	  radicale:a_real_CardDAV_server_for_the_sync_benchmark \
	  vdirsyncer:the_baseline_for_the_sync_benchmark
	go build -tags sqlite_fts5 -o build/bin/fieldbook-bench .
	go run ./cmd/benchsync -fieldbook build/bin/fieldbook-bench $(BENCH_SYNC_ARGS)

clean:
	rm -rf build/bin frontend/dist/assets frontend/dist/index.html e2e/artifacts

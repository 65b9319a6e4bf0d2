# Werkhaven — the two commands of the README are `make run` and `make test`.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

STACK_ENV := .data/stack.env
BIN := bin/werkhaven
# Load the local stack's addresses (written by scripts/stack.sh up).
WITH_STACK := set -a; source $(STACK_ENV); set +a;
GO_TEST_FLAGS ?= -race -count=1 -timeout 20m
# The Go code: not ./..., which would take in Go files that npm packages ship
# under frontend/node_modules.
GO_PKGS := ./backend/... ./infra/...
# The fault tests hold time bounds (the server serves again within 5 s of the database's start, the
# index catches up within 10 s): they run on their own, after the other packages, which -race on 2
# cores would otherwise slow beside them (the booking package alone takes minutes).
FAULT_PKG := ./backend/internal/app/faults

.PHONY: help run test stack stack-down stack-status build web migrate seed lint lint-api vet staticcheck fmt-check test-go test-web test-e2e lighthouse bench bench-million generate clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-13s %s\n", $$1, $$2}'

run: stack build ## install what is missing, start the stack, migrate, seed and serve http://localhost:8080
	@$(WITH_STACK) $(BIN) migrate
	@$(WITH_STACK) $(BIN) seed --demo
	@$(WITH_STACK) $(BIN) seed --demo-history
	@echo
	@echo "Werkhaven: http://localhost:8080  (API docs: http://localhost:8080/api/docs)"
	@echo
	@# serve runs as in production: with the scoped MEILI_API_KEY, without the master key.
	@$(WITH_STACK) exec env -u MEILI_MASTER_KEY $(BIN) serve

test: lint test-go test-web test-e2e ## every check: vet, staticcheck, gofmt, API Design Rules, Go tests, front end, browser journeys

stack: ## start PostgreSQL, Meilisearch and stripe-mock (idempotent)
	@scripts/stack.sh up

stack-down: ## stop what `make stack` started
	@scripts/stack.sh down

stack-status: ## show the local services
	@scripts/stack.sh status

frontend/node_modules/.package-lock.json: frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund

web: frontend/node_modules/.package-lock.json ## build the front end into frontend/dist
	cd frontend && npm run build

build: web ## build bin/werkhaven
	go build -o $(BIN) ./backend/cmd/werkhaven

migrate: stack build ## apply migrations and load reference data
	@$(WITH_STACK) $(BIN) migrate

seed: stack build ## create the demo region
	@$(WITH_STACK) $(BIN) seed --demo

lint: vet staticcheck fmt-check lint-api ## static checks

lint-api: frontend/node_modules/.package-lock.json ## check docs/api/openapi.json against the API Design Rules (Spectral, docs/api/adr)
	cd frontend && npm run --silent lint-api

vet:
	go vet $(GO_PKGS)

staticcheck:
	go tool staticcheck $(GO_PKGS)

fmt-check:
	@out=$$(gofmt -l backend infra 2>/dev/null); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

test-go: stack ## Go unit and integration tests against the real services
	@$(WITH_STACK) go test $(GO_TEST_FLAGS) $$(go list $(GO_PKGS) | grep -vxF "$$(go list $(FAULT_PKG))")
	@$(WITH_STACK) go test $(GO_TEST_FLAGS) $(FAULT_PKG)

test-web: frontend/node_modules/.package-lock.json ## front-end generated-client check, type check, ESLint (folder rules, no cycles), unit tests, build, bundle budget
	cd frontend && npm run check-generated && npm run typecheck && npm run lint && npm test && npm run build && npm run budget

test-e2e: stack build ## Playwright journeys in Debian's Chromium with axe-core scans
	@scripts/e2e.sh

lighthouse: stack build ## Lighthouse (mobile, desktop) of the sign-in, vacature, pool, caseload and kandidaat pages
	@scripts/lighthouse.sh

bench: stack ## benchmarks at 100,000 candidates, with their targets (figures in docs/benchmarks.md)
	@$(WITH_STACK) go test -run '^$$' -bench . -benchtime 200x -timeout 60m ./backend/...

bench-million: stack ## the pool, rebuild and sync lag at 1,000,000 candidates, with their targets (~30 min; docs/benchmarks.md)
	@$(WITH_STACK) env N=1000000 RATE=5 HIGH=40 DURATION=60s COST=100 go test -run '^$$' -bench 'Pool$$' -benchtime 1x -timeout 90m -v ./backend/internal/matching/
	@$(WITH_STACK) env N=1000000 DURATION=20s go test -run '^$$' -bench 'Candidates$$' -benchtime 1x -timeout 60m -v ./backend/internal/candidate/

generate: frontend/node_modules/.package-lock.json ## refresh generated files (OpenAPI document, TypeScript client types)
	BASE_URL=http://localhost:8080 go run ./backend/cmd/werkhaven openapi > docs/api/openapi.json
	go run ./backend/cmd/werkhaven messages > docs/api/messages.json
	cd frontend && npm run generate

clean: ## remove build output (not the stack's data)
	rm -rf bin frontend/dist

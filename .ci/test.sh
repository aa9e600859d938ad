#!/usr/bin/env bash
# The whole test suite, as the README gives it: `bash .ci/test.sh` from the repository root.
# It installs what the tests need (Debian packages, pinned Go tools), starts nothing it does not
# stop, then vets, tests, fuzzes the parser briefly, and runs the example acceptance cases.
set -euo pipefail
cd "$(dirname "$0")/.."
export CGO_ENABLED=1

step() { printf '\n== %s\n' "$*"; }

step "tools"
# g++ for DuckDB (cgo), tmux for the REPL's terminal test, kcat for Kafka interop tests.
need=()
command -v g++ >/dev/null || need+=(g++)
command -v tmux >/dev/null || need+=(tmux)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null
fi
bash .ci/services/kafka.sh

step "gofmt"
unformatted=$(gofmt -l $(git ls-files '*.go'))
[ -z "$unformatted" ] || { echo "gofmt would change: $unformatted"; exit 1; }

step "go vet"
go vet ./...

step "go test"
go test -count=1 ./... 2>&1 | tee /tmp/sluice-go-test.log

step "parser fuzz (${FUZZTIME:=30s})"
go test ./parser -run '^$' -fuzz '^FuzzParse$' -fuzztime "$FUZZTIME"

step "example acceptance cases"
go build -o /tmp/sluice-ci-bin ./cmd/sluice
for f in queries/*/*.sql; do /tmp/sluice-ci-bin validate "$f"; done  # each file stands alone
if [ -d ../shared/acceptance ]; then
  ../shared/acceptance/run.sh /tmp/sluice-ci-bin
else
  echo "../shared/acceptance is not beside this clone; cmd/sluice's acceptance test ran the copies in testdata"
fi

#!/usr/bin/env bash
# The whole suite, as `npm test` runs it: format/lint, type check, then every test (unit, store on SQLite and
# PostgreSQL, CLI, HTTP, browser). Needs the OS packages that .ci/run installs.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== biome (format + lint)"
npx biome ci .
echo "== tsc --noEmit"
npx tsc --noEmit
echo "== vitest (the suite, and the crash loops: kill -9 during import and publish, PostgreSQL lost under saves)"
npx vitest run --config vitest.all.config.ts

#!/usr/bin/env bash
# npm test: type check, lint, then every Vitest and Playwright test on SQLite and,
# where Debian's postgresql package is installed, again on a throwaway PostgreSQL
# server that this script starts and stops (scripts/pg-cluster.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

npm run typecheck
npm run lint
echo "== SQLite"
npm run test:unit
npm run test:e2e
echo "== Faults: background jobs on SQLite"
npx tsx --conditions=react-server tests/faults/background-jobs.ts

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "PostgreSQL is not installed, so the PostgreSQL half of the tests did not run (apt-get install -y postgresql)." >&2
  exit 0
fi
echo "== PostgreSQL"
server=$(node scripts/pg-cluster.mjs start)
trap 'node scripts/pg-cluster.mjs stop' EXIT
node -e 'const pg=require("pg");const c=new pg.Client(process.argv[1]);c.connect().then(()=>c.query("CREATE DATABASE shiftline_e2e")).then(()=>c.end())' "$server"
TEST_POSTGRES_URL="$server" npm run test:unit
E2E_DATABASE_URL="${server%/postgres}/shiftline_e2e" npx playwright test
echo "== Faults: background jobs on PostgreSQL, two instances on one PostgreSQL"
TEST_POSTGRES_URL="$server" npx tsx --conditions=react-server tests/faults/background-jobs.ts
TEST_POSTGRES_URL="$server" npx tsx tests/faults/two-instances.ts

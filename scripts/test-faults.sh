#!/usr/bin/env bash
# npm run test:faults: crashes and outages against the production build (`npm run build` first).
# Background jobs on SQLite; with TEST_POSTGRES_URL, on PostgreSQL too, and two instances on
# one PostgreSQL (one killed mid-loop, the server restarted during sends).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
env -u TEST_POSTGRES_URL npx tsx --conditions=react-server tests/faults/background-jobs.ts
if [ -z "${TEST_POSTGRES_URL:-}" ]; then
  echo "TEST_POSTGRES_URL is not set: the PostgreSQL fault tests did not run (npm test runs them)." >&2
  exit 0
fi
npx tsx --conditions=react-server tests/faults/background-jobs.ts
npx tsx tests/faults/two-instances.ts

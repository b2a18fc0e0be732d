#!/usr/bin/env bash
# npm test: type check, lint, then every Vitest and Playwright test on SQLite and,
# where Debian's postgresql package is installed, again on a throwaway PostgreSQL
# server that this script starts and stops (scripts/pg-cluster.mjs).
# The unit tests run while the production build does; the browser tests run on one database
# after the other, from that one build (both at once, four browsers on two cores, timed out).
# The end prints how long each step took.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
mkdir -p .tmp
timings=()
report() {
  echo "== Time per step"
  printf '%s\n' "${timings[@]}"
  echo "total $SECONDS s"
}
# Runs one step under a header and notes how long it took.
timed() {
  local name=$1 t=$SECONDS
  shift
  echo "== $name"
  "$@"
  timings+=("$(printf '%-58s %4d s' "$name" $((SECONDS - t)))")
}

postgres=false
build=""
# Ends what this script started, by PID: the build's process group, the PostgreSQL server.
cleanup() {
  if [ -n "$build" ]; then kill -- "-$build" 2> /dev/null || true; fi
  if $postgres; then node scripts/pg-cluster.mjs stop; fi
}
trap cleanup EXIT

timed "type check" npm run typecheck
timed "lint" npm run lint

if ls /usr/lib/postgresql/*/bin/initdb > /dev/null 2>&1; then
  postgres=true
  server=$(node scripts/pg-cluster.mjs start)
  node -e 'const pg=require("pg");const c=new pg.Client(process.argv[1]);c.connect().then(()=>c.query("CREATE DATABASE shiftline_e2e")).then(()=>c.end())' "$server"
else
  echo "PostgreSQL is not installed, so the PostgreSQL half of the tests will not run (apt-get install -y postgresql)." >&2
fi

# The build, in a process group of its own, while the unit tests run on each database in turn.
build_started=$SECONDS
setsid npm run build > .tmp/build.log 2>&1 &
build=$!
timed "unit and integration tests, SQLite" npm run test:unit
if $postgres; then timed "unit and integration tests, PostgreSQL" env TEST_POSTGRES_URL="$server" npm run test:unit; fi
status=0
wait "$build" || status=$?
build=""
echo "== production build"
cat .tmp/build.log
timings+=("$(printf '%-58s %4d s' "production build (beside the unit tests)" $((SECONDS - build_started)))")
[ "$status" -eq 0 ] || exit "$status"

# The browser tests on each database in turn, from the one build.
timed "browser tests, SQLite" npx playwright test
if $postgres; then
  timed "browser tests, PostgreSQL" env E2E_DATABASE_URL="${server%/postgres}/shiftline_e2e" npx playwright test
fi

timed "faults: background jobs, SQLite" npx tsx --conditions=react-server tests/faults/background-jobs.ts
if $postgres; then
  timed "faults: background jobs, PostgreSQL" env TEST_POSTGRES_URL="$server" \
    npx tsx --conditions=react-server tests/faults/background-jobs.ts
  timed "faults: two instances on one PostgreSQL" env TEST_POSTGRES_URL="$server" npx tsx tests/faults/two-instances.ts
fi
report

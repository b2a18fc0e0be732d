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
mkdir -p .tmp/test-logs
logs=.tmp/test-logs
timings=()
step() { timings+=("$(printf '%-58s %4d s' "$1" "$2")"); }
report() {
  echo "== Time per step"
  printf '%s\n' "${timings[@]}"
  echo "total $((SECONDS)) s"
}

# Runs a command in the background with its output in a log file; `finish` waits for it,
# prints its log under a header, and says whether it passed.
declare -A pids started
run_bg() {
  local name=$1
  shift
  started[$name]=$SECONDS
  # A process group of its own, so that leaving early ends it and what it started, by its PID.
  setsid "$@" > "$logs/$name.log" 2>&1 &
  pids[$name]=$!
}
cleanup() {
  for pid in "${pids[@]}"; do kill -- "-$pid" 2> /dev/null || true; done
  if $postgres; then node scripts/pg-cluster.mjs stop; fi
}
postgres=false
trap cleanup EXIT
finish() {
  local name=$1 status=0
  wait "${pids[$name]}" || status=$?
  unset "pids[$name]"
  echo "== $name"
  cat "$logs/$name.log"
  step "$name" $((SECONDS - started[$name]))
  if [ "$status" -ne 0 ]; then
    echo "== $name FAILED (exit $status)" >&2
    report
    exit "$status"
  fi
}

t=$SECONDS
npm run typecheck
step "type check" $((SECONDS - t))
t=$SECONDS
npm run lint
step "lint" $((SECONDS - t))

if ls /usr/lib/postgresql/*/bin/initdb > /dev/null 2>&1; then postgres=true; fi
if $postgres; then
  server=$(node scripts/pg-cluster.mjs start)
  node -e 'const pg=require("pg");const c=new pg.Client(process.argv[1]);c.connect().then(()=>c.query("CREATE DATABASE shiftline_e2e")).then(()=>c.end())' "$server"
else
  echo "PostgreSQL is not installed, so the PostgreSQL half of the tests will not run (apt-get install -y postgresql)." >&2
fi

# The build, while the unit tests run on each database in turn.
run_bg "production build" npm run build
t=$SECONDS
echo "== Unit and integration tests, SQLite"
npm run test:unit
step "unit and integration tests, SQLite" $((SECONDS - t))
if $postgres; then
  t=$SECONDS
  echo "== Unit and integration tests, PostgreSQL"
  TEST_POSTGRES_URL="$server" npm run test:unit
  step "unit and integration tests, PostgreSQL" $((SECONDS - t))
fi
finish "production build"

# The browser tests on each database in turn, from the one build.
t=$SECONDS
echo "== Browser tests, SQLite"
npx playwright test
step "browser tests, SQLite" $((SECONDS - t))
if $postgres; then
  t=$SECONDS
  echo "== Browser tests, PostgreSQL"
  E2E_DATABASE_URL="${server%/postgres}/shiftline_e2e" npx playwright test
  step "browser tests, PostgreSQL" $((SECONDS - t))
fi

t=$SECONDS
echo "== Faults: background jobs on SQLite"
npx tsx --conditions=react-server tests/faults/background-jobs.ts
step "faults, SQLite" $((SECONDS - t))
if $postgres; then
  t=$SECONDS
  echo "== Faults: background jobs on PostgreSQL, two instances on one PostgreSQL"
  TEST_POSTGRES_URL="$server" npx tsx --conditions=react-server tests/faults/background-jobs.ts
  TEST_POSTGRES_URL="$server" npx tsx tests/faults/two-instances.ts
  step "faults, PostgreSQL" $((SECONDS - t))
fi
report

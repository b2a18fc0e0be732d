#!/usr/bin/env bash
# npm test: type check, lint, then every Vitest and Playwright test on SQLite and,
# where Debian's postgresql package is installed, again on a throwaway PostgreSQL
# server that this script starts and stops (scripts/pg-cluster.mjs).
# The unit tests run while the production build does; the browser tests run on one database
# after the other, from that one build (both at once, four browsers on two cores, timed out),
# while the fault tests (mostly waiting on servers they kill and restart) run beside them.
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
# Runs one step under a header and notes how long it took; returns the step's status.
timed() {
  local name=$1 t=$SECONDS rc=0
  shift
  echo "== $name"
  "$@" || rc=$?
  timings+=("$(printf '%-58s %4d s' "$name" $((SECONDS - t)))")
  return "$rc"
}

postgres=false
build=""
faults=""
# Ends what this script started, by PID: the build's and the fault tests' process groups, the
# PostgreSQL server.
cleanup() {
  if [ -n "$build" ]; then kill -- "-$build" 2> /dev/null || true; fi
  if [ -n "$faults" ]; then kill -- "-$faults" 2> /dev/null || true; fi
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

# The fault tests, in a process group of their own, beside the browser tests (other ports,
# their own databases): each kills and restarts servers it started, so most of their time is
# waiting. Their output is printed once they end.
fault_tests() {
  timed "faults: background jobs, SQLite" npx tsx --conditions=react-server tests/faults/background-jobs.ts
  if $postgres; then
    timed "faults: background jobs, PostgreSQL" env TEST_POSTGRES_URL="$server" \
      npx tsx --conditions=react-server tests/faults/background-jobs.ts
    timed "faults: two instances on one PostgreSQL" env TEST_POSTGRES_URL="$server" npx tsx tests/faults/two-instances.ts
  fi
  printf '%s\n' "${timings[@]}" > .tmp/faults.timings
}
faults_started=$SECONDS
rm -f .tmp/faults.timings
setsid bash -c "$(declare -f timed fault_tests); $(declare -p postgres); timings=(); server='${server:-}'; set -euo pipefail; fault_tests" \
  > .tmp/faults.log 2>&1 &
faults=$!

# The browser tests on each database in turn, from the one build.
status=0
timed "browser tests, SQLite" npx playwright test || status=$?
if $postgres && [ "$status" -eq 0 ]; then
  timed "browser tests, PostgreSQL" env E2E_DATABASE_URL="${server%/postgres}/shiftline_e2e" npx playwright test || status=$?
fi

faults_status=0
wait "$faults" || faults_status=$?
faults=""
echo "== fault tests (beside the browser tests)"
cat .tmp/faults.log
if [ -f .tmp/faults.timings ]; then mapfile -t -O "${#timings[@]}" timings < .tmp/faults.timings; fi
timings+=("$(printf '%-58s %4d s' "fault tests (beside the browser tests)" $((SECONDS - faults_started)))")
[ "$status" -eq 0 ] || exit "$status"
[ "$faults_status" -eq 0 ] || exit "$faults_status"
report

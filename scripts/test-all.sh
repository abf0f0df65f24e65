#!/usr/bin/env bash
# Every test: C++ unit + API tests (ctest) on SQLite, the same again on a throw-away PostgreSQL,
# the web app's type check, unit tests and OpenAPI checks, and browser tests against a real server.
# Ends with "N passed, N failed" over all of them; exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
out=test-output
rm -rf "$out" && mkdir -p "$out/screenshots"
passed=0
failed=0
failures=()

count() {  # count NAME PASSED FAILED
  passed=$((passed + $2))
  failed=$((failed + $3))
  ((${3} == 0)) || failures+=("$1")
}

# ctest's summary: "100% tests passed, 0 tests failed out of 88"
run_ctest() {
  local name=$1 log="$out/$1.log"
  shift
  echo "== $name"
  "$@" >"$log" 2>&1
  local rc=$?
  tail -n 15 "$log"
  local line total bad
  line=$(grep -E "tests failed out of" "$log" | tail -1)
  if [[ -n "$line" ]]; then
    total=$(sed -E 's/.* out of ([0-9]+).*/\1/' <<<"$line")
    bad=$(sed -E 's/.* ([0-9]+) tests failed.*/\1/' <<<"$line")
    count "$name" $((total - bad)) "$bad"
    ((rc == 0 || bad > 0)) || count "$name (exit $rc)" 0 1
  else
    count "$name" 0 1
  fi
}

# A step that is one check (type check, lint): counts as one test.
run_step() {
  local name=$1
  shift
  echo "== $name"
  if "$@" >"$out/$name.log" 2>&1; then
    count "$name" 1 0
  else
    tail -n 40 "$out/$name.log"
    count "$name" 0 1
  fi
}

run_ctest ctest-sqlite ctest --test-dir build -j2 --output-on-failure --timeout 300
run_ctest ctest-postgresql scripts/with-postgres.sh ctest --test-dir build -j2 --output-on-failure --timeout 300

run_step clang-format bash -c "git ls-files 'src/*.cpp' 'src/*.hpp' 'tests/*.cpp' 'tests/*.hpp' | xargs clang-format --dry-run --Werror"
run_step web-typecheck bash -c "cd web && npm run --silent typecheck"
run_step web-lint bash -c "cd web && npm run --silent lint"
run_step openapi-lint bash -c "cd web && npm run --silent lint:openapi"
run_step openapi-types-current bash -c "cd web && npm run --silent check:api"

echo "== web-unit (vitest)"
(cd web && npx vitest run --reporter=default) >"$out/web-unit.log" 2>&1
vitest_rc=$?
tail -n 8 "$out/web-unit.log"
v_pass=$(grep -E "^\s+Tests\s" "$out/web-unit.log" | grep -oE "[0-9]+ passed" | grep -oE "[0-9]+" || echo 0)
v_fail=$(grep -E "^\s+Tests\s" "$out/web-unit.log" | grep -oE "[0-9]+ failed" | grep -oE "[0-9]+" || echo 0)
((vitest_rc == 0 || v_fail > 0)) || v_fail=1
count web-unit "${v_pass:-0}" "${v_fail:-0}"

echo "== browser (playwright-core + chromium)"
e2e_dir=$(mktemp -d)
db="sqlite://$e2e_dir/e2e.db"
# The server's clock stands still on a known working day, so dates in the scenarios never depend on
# the day the suite runs (the browser's clock is set to the same moment).
echo "2026-06-01T02:00:00Z" >"$e2e_dir/clock"
build/riskwatch migrate --db "$db" >"$out/e2e-server.log" 2>&1
build/riskwatch seed-demo --db "$db" --clock-file "$e2e_dir/clock" --data-dir "$e2e_dir/data" >>"$out/e2e-server.log" 2>&1
build/riskwatch serve --db "$db" --listen 127.0.0.1:0 --port-file "$e2e_dir/port" --data-dir "$e2e_dir/data" \
  --clock-file "$e2e_dir/clock" --web-dir web/dist >>"$out/e2e-server.log" 2>&1 &
server_pid=$!
trap 'kill $server_pid 2>/dev/null; rm -rf "$e2e_dir"' EXIT
for _ in $(seq 100); do [[ -s "$e2e_dir/port" ]] && break; sleep 0.1; done
port=$(cat "$e2e_dir/port" 2>/dev/null)
(cd web && BASE_URL="http://127.0.0.1:$port" SCREENSHOT_DIR="$PWD/../$out/screenshots" node e2e/run.mjs) \
  >"$out/e2e.log" 2>&1
e2e_rc=$?
cat "$out/e2e.log"
line=$(grep -E "^[0-9]+ passed, [0-9]+ failed" "$out/e2e.log" | tail -1)
if [[ -n "$line" ]]; then
  e_pass=$(awk '{print $1}' <<<"$line")
  e_fail=$(awk '{print $3}' <<<"$line")
  ((e2e_rc == 0 || e_fail > 0)) || e_fail=1
  count browser "$e_pass" "$e_fail"
else
  count browser 0 1
fi
kill "$server_pid" 2>/dev/null
wait "$server_pid" 2>/dev/null

echo
echo "Screenshots and logs: $out/"
((${#failures[@]} == 0)) || echo "Failed: ${failures[*]}"
echo "$passed passed, $failed failed"
((failed == 0))

#!/usr/bin/env bash
# Time of the 一企一档 export (GET /enterprises/{id}/archive/export) of the demo's 恒达化工, whose archive gathers the
# most from the other capabilities: its filed documents, the visits' report PDFs, the issued notices rendered as PDF
# with their receipts, and the service plan rendered as PDF. Not part of `make test`; see bench/README.md.
#
# Usage: bench/archive-export-bench.sh
# Environment:
#   RISKWATCH_BIN   server binary (default: build/riskwatch in the repository)
#   BENCH_RUNS      exports timed (default 10)
# It seeds a fresh SQLite demo with the e2e clock (2026-06-01T02:00:00Z) and its own data dir (the seeded report
# PDFs live there), starts the server on a free loopback port, signs in as demo-admin, and prints the zip's
# entries, the export's median and slowest time, one notice's PDF rendering and GET /health's median beside them
# (the loaded machine's reference), and the load average.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BIN=${RISKWATCH_BIN:-$ROOT/build/riskwatch}
RUNS=${BENCH_RUNS:-10}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/riskwatch-export-bench.XXXXXX")
SERVER_PID=""
cleanup() {
    [[ -n $SERVER_PID ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
    rm -rf -- "$TMP"
}
trap cleanup EXIT

DB=sqlite://$TMP/riskwatch.db
echo "2026-06-01T02:00:00Z" >"$TMP/clock"
mkdir -p "$TMP/web"
"$BIN" migrate --db "$DB" >"$TMP/seed.log" 2>&1
"$BIN" seed-demo --db "$DB" --clock-file "$TMP/clock" --data-dir "$TMP/data" >>"$TMP/seed.log" 2>&1
"$BIN" serve --db "$DB" --listen 127.0.0.1:0 --port-file "$TMP/port" --data-dir "$TMP/data" \
    --clock-file "$TMP/clock" --web-dir "$TMP/web" --job-interval-seconds 0 >"$TMP/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 150); do
    [[ -s $TMP/port ]] && curl -fsS -o /dev/null "http://127.0.0.1:$(cat "$TMP/port")/api/v1/health" 2>/dev/null && break
    sleep 0.2
done
BASE=http://127.0.0.1:$(cat "$TMP/port")/api/v1
TOKEN=$(curl -fsS -X POST -H 'Content-Type: application/json' \
    -d '{"username":"demo-admin","password":"Demo@2026"}' "$BASE/auth/login" | jq -r .token)
auth=(-H "Authorization: Bearer $TOKEN")
notice=$(curl -fsS "${auth[@]}" "$BASE/notices?status=received&limit=1" | jq -r '.items[0].id')
enterprise=$(curl -fsS "${auth[@]}" "$BASE/notices/$notice" | jq -r '.enterprise.id')

: >"$TMP/export.times"; : >"$TMP/notice.times"; : >"$TMP/health.times"
for _ in $(seq 1 "$RUNS"); do
    curl -fsS "${auth[@]}" -o "$TMP/export.zip" -w '%{time_total}\n' \
        "$BASE/enterprises/$enterprise/archive/export" >>"$TMP/export.times"
    curl -fsS "${auth[@]}" -o /dev/null -w '%{time_total}\n' "$BASE/notices/$notice/document?format=pdf" \
        >>"$TMP/notice.times"
    curl -fsS -o /dev/null -w '%{time_total}\n' "$BASE/health" >>"$TMP/health.times"
done
python3 - "$TMP" "$(nproc)" <<'PY'
import os, statistics, sys, zipfile
tmp = sys.argv[1]
ms = lambda name: [float(x) * 1000 for x in open(os.path.join(tmp, name))]
export, notice, health = ms("export.times"), ms("notice.times"), ms("health.times")
names = zipfile.ZipFile(os.path.join(tmp, "export.zip")).namelist()
related = sum(1 for n in names if n.startswith(("服务报告/", "文书/", "服务方案/")))
print(f"export: {len(names)} entries ({related} from other capabilities), "
      f"{os.path.getsize(os.path.join(tmp, 'export.zip')) // 1024} KiB; median {statistics.median(export):.0f} ms, "
      f"slowest {max(export):.0f} ms over {len(export)} runs")
print(f"one notice as PDF: median {statistics.median(notice):.0f} ms; /health median {statistics.median(health):.1f} ms")
print(f"load average {os.getloadavg()[0]:.1f} on {sys.argv[2]} cores")
PY

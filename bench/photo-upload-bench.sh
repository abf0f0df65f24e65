#!/usr/bin/env bash
# Photo uploads: time of one 12-megapixel JPEG to both thumbnails, and the server's peak memory while 8 upload
# at once. Not part of `make test`; see bench/README.md ("Photo uploads").
#
# Usage: bench/photo-upload-bench.sh [ROUNDS]      (sequential uploads timed, default 5)
#
# Environment:
#   RISKWATCH_BIN  server binary (default: build/riskwatch in the repository)
#   BENCH_DB       database URL (default: a fresh SQLite file; e.g. postgresql://… for PostgreSQL)
#   BENCH_KEEP=1   keep the temp dir for inspection
#
# It makes ROUNDS + 8 different 4000×3000 JPEGs (Perlin shapes under Gaussian noise, quality 90: about the size
# and entropy of a phone's photo; each different, so none is answered from an earlier upload of the same bytes)
# with the libvips command-line tool, signs in as demo-technician, uploads ROUNDS of them one after another
# (each answer has its EXIF read and both thumbnails made and stored) and prints each time, then uploads 8 at
# once and prints the wall time and the server's peak resident memory (VmHWM from /proc/PID/status, reset
# through clear_refs just before). Targets: ≤ 300 ms per upload, ≤ 300 MB peak.
set -euo pipefail

readonly PROG=photo-upload-bench
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ROUNDS=${1:-5}
[[ $ROUNDS =~ ^[0-9]+$ ]] || die "ROUNDS must be a number"
PARALLEL=8
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BIN=${RISKWATCH_BIN:-$ROOT/build/riskwatch}
[[ -x $BIN ]] || die "server binary not found or not executable: $BIN (build it first, or set RISKWATCH_BIN)"
if ! command -v vips >/dev/null 2>&1; then
    [[ $EUID -eq 0 ]] || die "the vips tool is missing: sudo apt-get install -y libvips-tools"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q libvips-tools >&2 || die "installing libvips-tools failed"
fi
BENCH_TOOLS="curl jq python3"
USERNAME=demo-technician
bench_start

log "making $((ROUNDS + PARALLEL)) photos of 4000x3000"
for i in $(seq 1 $((ROUNDS + PARALLEL))); do
    vips perlin "$TMP/shape.v" 4000 3000 --cell-size 300 --seed "$i"
    vips linear "$TMP/shape.v" "$TMP/shape2.v" 90 128
    vips gaussnoise "$TMP/noise.v" 4000 3000 --sigma 8 --mean 0 --seed "$i"
    vips add "$TMP/shape2.v" "$TMP/noise.v" "$TMP/grey.v"
    vips bandjoin "$TMP/grey.v $TMP/shape2.v $TMP/grey.v" "$TMP/rgb.v"
    vips cast "$TMP/rgb.v" "$TMP/rgb8.v" uchar
    vips copy "$TMP/rgb8.v" "$TMP/photo$i.v" --interpretation srgb
    vips jpegsave "$TMP/photo$i.v" "$TMP/photo$i.jpg" --Q 90
    rm -f "$TMP"/*.v
done
log "photo size: $(stat -c %s "$TMP/photo1.jpg") bytes"

memory() { awk -v name="$1:" '$1 == name { printf "%.0f", $2 / 1024 }' "/proc/$SERVER_PID/status"; }

# upload FILE: prints "STATUS SECONDS"
upload() {
    curl -sS --max-time 120 -o "$1.json" -w '%{http_code} %{time_total}\n' -X POST \
        -H "Authorization: Bearer $TOKEN" -H 'Content-Type: image/jpeg' --data-binary "@$1" "$BASE/api/v1/files"
}

# The server's user + system CPU in ms (fields 14 and 15 of /proc/PID/stat): steadier than wall time on a
# shared machine.
CLK_TCK=$(getconf CLK_TCK 2>/dev/null || echo 100)
server_cpu_ms() { local stat; stat=$(cat "/proc/$SERVER_PID/stat"); stat=${stat##*) }; awk -v hz="$CLK_TCK" '{ print ($12 + $13) * 1000 / hz }' <<<"$stat"; }

echo "one upload at a time (12 MP JPEG, EXIF + thumbnails 320 and 1280 + perceptual hash, stored)"
cpu_before=$(server_cpu_ms)
for i in $(seq 1 "$ROUNDS"); do
    read -r status seconds < <(upload "$TMP/photo$i.jpg")
    [[ $status == 201 ]] || die "upload $i: HTTP $status $(head -c 300 "$TMP/photo$i.jpg.json")"
    [[ $(jq -r '.thumbnails | length' "$TMP/photo$i.jpg.json") == 2 ]] || die "upload $i: no thumbnails"
    printf '  upload %d: %.0f ms\n' "$i" "$(awk -v s="$seconds" 'BEGIN { print s * 1000 }')"
done
echo "  server CPU per upload: $(awk -v a="$cpu_before" -v b="$(server_cpu_ms)" -v n="$ROUNDS" 'BEGIN { printf "%.0f", (b - a) / n }') ms (load average $(cut -d' ' -f1-3 /proc/loadavg))"

echo 5 >"/proc/$SERVER_PID/clear_refs" 2>/dev/null || log "cannot reset the peak; it includes earlier steps"
before=$(memory VmRSS)
start=$(date +%s.%N)
pids=()
for i in $(seq $((ROUNDS + 1)) $((ROUNDS + PARALLEL))); do
    upload "$TMP/photo$i.jpg" >"$TMP/parallel$i.out" &
    pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid"; done
end=$(date +%s.%N)
for i in $(seq $((ROUNDS + 1)) $((ROUNDS + PARALLEL))); do
    [[ $(cut -d' ' -f1 "$TMP/parallel$i.out") == 201 ]] || die "parallel upload $i: $(cat "$TMP/parallel$i.out")"
done
echo "$PARALLEL uploads at once: $(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }') s wall;" \
    "each $(cut -d' ' -f2 "$TMP"/parallel*.out | sort -n | awk '{ t[NR] = $1 } END { printf "%.0f-%.0f ms", t[1] * 1000, t[NR] * 1000 }');" \
    "server RSS before ${before} MB, peak $(memory VmHWM) MB"

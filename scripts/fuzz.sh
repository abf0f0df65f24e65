#!/usr/bin/env bash
# `make fuzz`: builds the libFuzzer targets (fuzz/) with clang, ASan and UBSan in build-fuzz, then runs each
# for FUZZ_SECONDS (default 60) on its seed corpus fuzz/corpus/<target> plus the inputs earlier runs found
# (build-fuzz/corpus/<target>, not in the repository). FUZZ_TARGETS="sheet xlsform" runs some only.
# A crash leaves its input in build-fuzz/artifacts/<target>/; the run goes on with the other targets and
# exits non-zero at the end. Not part of `make test`.
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-60}
jobs=${JOBS:-2}
all="json_body inspection_answers template_json xlsform sheet calendar upload static_path"
targets=${FUZZ_TARGETS:-$all}

CXX=${FUZZ_CXX:-clang++-14} cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1" -DRISKWATCH_FUZZ=ON -DRISKWATCH_TESTS=OFF >/dev/null || exit 1
# shellcheck disable=SC2086
cmake --build build-fuzz -j"$jobs" --target $(printf 'fuzz_%s ' $targets) || exit 1

# Spreadsheets and photos need room; the rest are small documents.
max_len() {
  case $1 in
    xlsform | sheet | upload) echo 65536 ;;
    *) echo 8192 ;;
  esac
}

failed=()
total_cpu=0
TIMEFORMAT='%U %S'
for target in $targets; do
  work=build-fuzz/corpus/$target
  artifacts=build-fuzz/artifacts/$target/
  mkdir -p "$work" "$artifacts"
  echo "== fuzz_$target (${seconds}s)"
  # CPU seconds (user + system), the figure that counts on a shared machine; bash's `time` prints them.
  {
    time ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1} \
      UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1} \
      "build-fuzz/fuzz/fuzz_$target" "$work" "fuzz/corpus/$target" -dict=fuzz/fuzz.dict \
      -max_total_time="$seconds" -max_len="$(max_len "$target")" -timeout=120 -rss_limit_mb=2048 \
      -artifact_prefix="$artifacts" -print_final_stats=1 >"build-fuzz/$target.log" 2>&1
  } 2>"build-fuzz/$target.cpu"
  rc=$?
  grep -E "^#[0-9]+ +DONE|stat::number_of_executed_units|stat::peak_rss_mb" "build-fuzz/$target.log" | tail -3
  read -r user system <"build-fuzz/$target.cpu"
  cpu=$(awk -v u="$user" -v s="$system" 'BEGIN { printf "%.0f", u + s }')
  echo "cpu_seconds: $cpu"
  total_cpu=$((total_cpu + cpu))
  if ((rc != 0)); then
    failed+=("$target")
    grep -E "^==[0-9]+==ERROR|SUMMARY|runtime error|terminate called|what\(\)" "build-fuzz/$target.log" | head -5
    echo "   crash input: $(ls -t "$artifacts" | head -1) (log: build-fuzz/$target.log)"
  fi
done
if ((${#failed[@]})); then
  echo "fuzz: crashes in ${failed[*]} ($total_cpu CPU seconds)"
  exit 1
fi
echo "fuzz: no crashes in $(wc -w <<<"$targets") targets, $total_cpu CPU seconds"

#!/usr/bin/env bash
# Fuzzes QuantBench's readers with libFuzzer: configures build-fuzz/ (override with FUZZ_BUILD_DIR) with
# clang-14 and -DQB_FUZZ=ON when needed, builds the targets in fuzz/ and runs each in turn for SECONDS
# (default 60), printing per target the executions and the coverage (cov:) of libFuzzer's final lines.
# New inputs go to $FUZZ_BUILD_DIR/corpus/<target>/ (the committed seeds in fuzz/corpus/ are only
# read), crashes, leaks, timeouts and out-of-memory inputs to $FUZZ_BUILD_DIR/findings/<target>/.
# A hostile size is a finding: every run has -malloc_limit_mb=512 -rss_limit_mb=1024.
# Fails when any target found something. FUZZ_TARGETS="idx_raw csv" runs only those; FUZZ_JOBS sets
# the build's parallelism.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET="${1:-60}"
BUILD_DIR="${FUZZ_BUILD_DIR:-build-fuzz}"
if ! command -v clang++-14 >/dev/null 2>&1 || [ -z "$(find /usr/lib/llvm-14 -name 'libclang_rt.fuzzer-*.a' -print -quit 2>/dev/null)" ]; then
  echo "fuzz: clang-14 with libFuzzer is missing: run scripts/setup.sh (clang-14, libclang-rt-14-dev)" >&2
  exit 2
fi
if [ ! -f "$BUILD_DIR/build.ninja" ]; then
  CC=clang-14 CXX=clang++-14 cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DQB_FUZZ=ON
fi
cmake --build "$BUILD_DIR" ${FUZZ_JOBS:+-j "$FUZZ_JOBS"}

# The targets that read files write each input to a file under $TMPDIR: on a disk every open costs
# ~0.25 ms (about 275 inputs a second), in memory a few microseconds.
if [ -z "${TMPDIR:-}" ] && [ -d /dev/shm ] && [ -w /dev/shm ]; then export TMPDIR=/dev/shm; fi

supp="$PWD/tests/sanitizers"
export ASAN_OPTIONS="halt_on_error=1:abort_on_error=1:detect_leaks=1"
export LSAN_OPTIONS="suppressions=$supp/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:suppressions=$supp/ubsan.supp"

if [ -n "${FUZZ_TARGETS:-}" ]; then
  read -r -a targets <<<"$FUZZ_TARGETS"
else
  mapfile -t targets < <(find fuzz -maxdepth 1 -name 'fuzz_*.cpp' -printf '%f\n' | sed 's/^fuzz_//; s/\.cpp$//' | sort)
fi

failed=()
for t in "${targets[@]}"; do
  exe="$BUILD_DIR/fuzz/fuzz_$t"
  work="$BUILD_DIR/corpus/$t"
  findings="$BUILD_DIR/findings/$t"
  log="$BUILD_DIR/findings/$t.log"
  mkdir -p "$work" "$findings"
  args=(-max_total_time="$SECONDS_PER_TARGET" -malloc_limit_mb=512 -rss_limit_mb=1024 -timeout=20
        -print_final_stats=1 -artifact_prefix="$findings/")
  case "$t" in
    *json) args+=(-dict=fuzz/json.dict) ;;
  esac
  seeds=()
  if [ -d "fuzz/corpus/$t" ]; then seeds=("fuzz/corpus/$t"); fi
  rc=0
  "$exe" "${args[@]}" "$work" "${seeds[@]}" >"$log" 2>&1 || rc=$?
  # libFuzzer's last status line ("#N DONE cov: ...", or the last pulse before a crash) and its stats.
  status=$(grep -E '^#[0-9]+' "$log" | tail -n 1 || true)
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$status")
  found=$(find "$findings" -type f | wc -l)
  printf '%-16s execs %-10s cov %-6s findings %s   (%s)\n' "$t" "${execs:-?}" "${cov:-?}" "$found" "${status:-no status line}"
  if [ "$rc" -ne 0 ] || [ "$found" -ne 0 ]; then
    failed+=("$t")
    grep -E 'ERROR: |SUMMARY: |runtime error|out-of-memory|malloc\(' "$log" | head -n 5 | sed 's/^/    /' || true
    echo "    log: $log; inputs: $findings/"
  fi
done

if [ "${#failed[@]}" -ne 0 ]; then
  echo "fuzz: findings in ${failed[*]}" >&2
  exit 1
fi
echo "fuzz: no findings in ${#targets[@]} targets (${SECONDS_PER_TARGET} s each)"

#!/usr/bin/env bash
# Builds QuantBench with AddressSanitizer and UndefinedBehaviorSanitizer into build-asan/ (override with
# ASAN_BUILD_DIR) and runs the GUI test suite there (every test under tests/widgets/), the seeded
# random-interaction test included with QB_MONKEY_EVENTS events (default 5000, seed QB_MONKEY_SEED).
# Any sanitizer report stops the test that made it (halt_on_error) and fails the run.
# Extra arguments go to ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
BUILD_DIR="${ASAN_BUILD_DIR:-build-asan}"
if [ ! -f "$BUILD_DIR/build.ninja" ]; then
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DQB_SANITIZE=address,undefined
fi
mapfile -t tests < <(find tests/widgets -name 'tst_*.cpp' -printf '%f\n' | sed 's/\.cpp$//' | sort)
cmake --build "$BUILD_DIR" --target quantbench quantbench-cli "${tests[@]}"
supp="$PWD/tests/sanitizers"
export ASAN_OPTIONS="halt_on_error=1:abort_on_error=1:detect_leaks=1:detect_stack_use_after_return=0"
export LSAN_OPTIONS="suppressions=$supp/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:suppressions=$supp/ubsan.supp"
export QB_MONKEY_EVENTS="${QB_MONKEY_EVENTS:-5000}"
regex="^($(IFS='|'; echo "${tests[*]}"))\$"
cd "$BUILD_DIR"
QT_QPA_PLATFORM=offscreen ctest --output-on-failure --timeout 2400 -R "$regex" "$@"

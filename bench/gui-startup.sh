#!/usr/bin/env bash
# Measures how long the workbench window takes to appear: from launching `quantbench` (so loading
# Qt, LibTorch and OpenBLAS counts) to the first paint of the main window, on a virtual X display.
# usage: bench/gui-startup.sh [RUNS]   (needs xvfb; prints one line per run and the median)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${BUILD_DIR:-build}/app/quantbench"
RUNS="${1:-5}"
WORK=$(mktemp -d)
export XDG_CONFIG_HOME="$WORK/config" XDG_DATA_HOME="$WORK/data"
DISPLAY_NUM=":$((90 + RANDOM % 100))"
Xvfb "$DISPLAY_NUM" -screen 0 1600x1000x24 >/dev/null 2>&1 &
XVFB=$!
trap 'kill $XVFB 2>/dev/null || true; rm -rf "$WORK"' EXIT
sleep 1
times=()
for i in $(seq "$RUNS"); do
  start=$(date +%s%3N)
  out=$(DISPLAY=$DISPLAY_NUM "$BIN" --db "$WORK/history.sqlite" --startup-time 2>/dev/null)
  painted=$(echo "$out" | sed -n 's/.*at \([0-9]*\) ms since the epoch.*/\1/p')
  ms=$((painted - start))
  times+=("$ms")
  echo "run $i: window painted $ms ms after launch"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "median: $median ms"

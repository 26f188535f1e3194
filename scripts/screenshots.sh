#!/usr/bin/env bash
# Takes the README's screenshots under a virtual X display (Xvfb). From the GUI: trains larq-mnist-bnn
# on Fashion-MNIST for two epochs (--train, the same as pressing Train), then its baseline twin
# (--train-twin, the same as pressing Train baseline twin). Then a 10-chip noise sweep of each run
# (weight_noise.sigma; quantbench-cli sweep noise, the same core call as Run > Noise sweep...), an
# experiment grid, and pictures of the window at 1600x1000 and 1366x768, in English and Spanish.
# Writes docs/screenshots/*.png. Needs the build and the packages from setup.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${BUILD_DIR:-build}/app/quantbench"
CLI="${BUILD_DIR:-build}/app/quantbench-cli"
OUT=docs/screenshots
mkdir -p "$OUT"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# A private settings/history location, so the shots do not depend on (or change) the user's own.
export XDG_DATA_HOME="$WORK/data" QUANTBENCH_NO_TOUR=1
DB="$WORK/history.sqlite"
shot() { # NAME SCREEN ARGS...: one picture of the window on a screen of that size
  local name=$1 screen=$2; shift 2
  # Settings per screen size: a window size saved at one size is restored at the next shot of that size.
  XDG_CONFIG_HOME="$WORK/config-$screen" xvfb-run -a -s "-screen 0 ${screen}x24" "$BIN" --preset larq-mnist-bnn --dataset fashion-mnist \
    --db "$DB" --screenshot "$OUT/$name.png" "$@"
  echo "saved $OUT/$name.png"
}
shot training 1600x1000 --epochs 2 --train --view curves
shot twin 1600x1000 --epochs 2 --train-twin --view curves
mapfile -t runs < <("$CLI" history --db "$DB" --json | python3 -c \
  'import json,sys; [print(r["id"]) for r in json.load(sys.stdin)["runs"][:2]]')
for run in "${runs[@]}"; do
  "$CLI" sweep noise --db "$DB" --run "$run" --param weight_noise.sigma --values 0,0.05,0.1,0.2,0.4 --chips 10
done
shot sweeps 1600x1000 --view sweeps --select-runs 2
shot sweeps-1366 1366x768 --view sweeps --select-runs 2
shot curves-1366 1366x768 --view curves --select-runs 2
shot history 1600x1000 --view history --select-runs 2
shot details 1600x1000 --view details --select-runs 1
shot summary 1366x768 --view summary
shot spanish 1600x1000 --language es --view sweeps --select-runs 2
shot spanish-1366 1366x768 --language es --view curves --select-runs 2
# Last, so that the runs selected above stay the BNN and its twin.
# A 3 x 2 grid (learning rate x the second conv's weight quantizer), 2 seeds, two trials at once:
# quantbench-cli grid, the same core call as Run > Grid... (tst_gridactions runs it from the window).
"$CLI" grid --preset larq-mnist-bnn --db "$DB" --name "lr x quantizer" --set train.epochs=1 \
  --set train.train_limit=5000 --vary train.learning_rate=1e-4,1e-3,1e-2 \
  --vary 'layers[3].kernel_quantizer.name=ste_sign,ternary_twn' --seeds 2 --jobs 2 >/dev/null
shot grids 1600x1000 --view grids
shot grids-1366 1366x768 --view grids
# Spiking networks: snn-fc-mnist in the editor (its first leaky layer selected) and the spikes of a
# short run of it (5000 Fashion-MNIST images, one epoch) at 1366x768, in a history of their own.
SNN_DB="$WORK/snn.sqlite"
"$CLI" train --preset snn-fc-mnist --dataset fashion-mnist --train-limit 5000 --test-limit 1000 --epochs 1 \
  --db "$SNN_DB" >/dev/null
snn_shot() { # NAME ARGS...
  local name=$1; shift
  XDG_CONFIG_HOME="$WORK/config-snn-$name" xvfb-run -a -s "-screen 0 1366x768x24" "$BIN" --preset snn-fc-mnist \
    --dataset fashion-mnist --db "$SNN_DB" --screenshot "$OUT/$name.png" "$@"
  echo "saved $OUT/$name.png"
}
snn_shot snn-editor --view editor --select-layer 3
snn_shot snn-spikes --view spikes --select-runs 1

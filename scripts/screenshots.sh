#!/usr/bin/env bash
# Takes the README's screenshots under a virtual X display (Xvfb): trains larq-mnist-bnn on
# Fashion-MNIST for two epochs from the GUI (--train), then cnn-mnist the same way, then pictures the main views of the same
# session's history. Writes docs/screenshots/*.png. Needs the build and the packages from setup.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${BUILD_DIR:-build}/app/quantbench"
OUT=docs/screenshots
mkdir -p "$OUT"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# A private settings/history location, so the shots do not depend on (or change) the user's own.
export XDG_CONFIG_HOME="$WORK/config" XDG_DATA_HOME="$WORK/data"
DB="$WORK/history.sqlite"
shot() { # NAME ARGS...: one picture of the window
  local name=$1; shift
  xvfb-run -a -s "-screen 0 1600x1000x24" "$BIN" --preset larq-mnist-bnn --dataset fashion-mnist \
    --db "$DB" --screenshot "$OUT/$name.png" "$@"
  echo "saved $OUT/$name.png"
}
shot training --epochs 2 --train --view curves
shot baseline --preset cnn-mnist --epochs 2 --train --view curves
shot history --view history --select-runs 2
shot comparison --view comparison --select-runs 2
shot details --view details --select-runs 1
shot summary --view summary
shot spanish --language es --view history --select-runs 2

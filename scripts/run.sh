#!/usr/bin/env bash
# Installs the Debian packages, builds, and trains the larq-mnist-bnn preset on Fashion-MNIST from the
# command line (per-epoch progress, final test accuracy, run recorded in the history database).
# Extra arguments are passed to `quantbench-cli train` and override the defaults below.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh quantbench-cli
exec "${BUILD_DIR:-build}/app/quantbench-cli" train --preset larq-mnist-bnn --dataset fashion-mnist --epochs 3 "$@"

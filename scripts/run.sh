#!/usr/bin/env bash
# Installs the Debian packages, builds, and opens the QuantBench workbench with the larq-mnist-bnn
# preset and Fashion-MNIST selected: the first click on Train trains it. Extra arguments go to
# `quantbench` (see `quantbench --help`; e.g. --language es, --db FILE, --epochs N).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh --target quantbench quantbench-cli
exec "${BUILD_DIR:-build}/app/quantbench" --preset larq-mnist-bnn --dataset fashion-mnist "$@"

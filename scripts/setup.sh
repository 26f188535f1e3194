#!/usr/bin/env bash
# Installs every Debian package QuantBench needs to build, test and run.
# Idempotent: packages already present are skipped by apt. Runs as root or through sudo.
set -euo pipefail

PACKAGES=(
  # toolchain
  build-essential cmake ninja-build ccache pkg-config
  # Qt 6: base (Core, Gui, Widgets, Sql, Network, Concurrent, Test), tools (lupdate/lrelease), l10n
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-translations-l10n libqt6sql6-sqlite qt6-svg-dev libgl-dev
  # plotting
  libqcustomplot-dev libqcustomplot2.1-qt6
  # LibTorch and a fast BLAS for it
  libtorch-dev libopenblas0-pthread
  # storage and data
  sqlite3 zlib1g-dev dataset-fashion-mnist
  # headless GUI checks and screenshots (xdotool drives the real window in ../shared/tools/gui-monkey.sh)
  xvfb xauth imagemagick xdotool
  # the PyTorch eager reference for benchmarks, and the independent readers of exported files
  python3-torch python3-numpy python3-onnx
  # exports: ONNX models, zip files (npz, run bundles); pdftoppm checks the PDF report
  libonnx-dev libzip-dev poppler-utils
  # (Debian's libzip CMake config checks that its tools exist)
  zipcmp zipmerge ziptool
  # node runs onnxruntime-web (from npm, below), an ONNX runtime independent of QuantBench
  nodejs
  # Slurm (sbatch/squeue/scancel, slurmctld, slurmd) and MUNGE for experiment grids as job arrays; the
  # tests start a one-node cluster of their own (tests/tools/slurm/cluster.sh), not these services
  slurm-wlm slurm-client slurmctld slurmd munge
  # fuzzing the readers (scripts/fuzz.sh, -DQB_FUZZ=ON): clang with libFuzzer and the sanitizer runtimes
  clang-14 libclang-rt-14-dev
)

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "setup: all ${#PACKAGES[@]} packages already installed"
else
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
  # Installing Slurm and MUNGE enables (and where an init system runs them, starts) their system
  # services; QuantBench wants only the commands, so the services are switched off again here,
  # once, when this run installed them (a machine that runs them on purpose is left alone later).
  for unit in "${missing[@]}"; do
    case "$unit" in
      munge | slurmctld | slurmd) ;;
      *) continue ;;
    esac
    if command -v systemctl >/dev/null 2>&1; then
      $SUDO systemctl disable --quiet "$unit" 2>/dev/null || true
      if [ -d /run/systemd/system ]; then $SUDO systemctl stop "$unit" 2>/dev/null || true; fi
    fi
    if [ -x "/etc/init.d/$unit" ] && [ ! -d /run/systemd/system ]; then
      $SUDO "/etc/init.d/$unit" stop >/dev/null 2>&1 || true
    fi
  done
fi

# Debian's LibTorch calls whatever BLAS the alternatives system selects; the reference BLAS is
# ~17x slower for dense layers, so point libblas/liblapack at OpenBLAS (pthread flavour).
arch_triplet="$(gcc -dumpmachine 2>/dev/null || echo x86_64-linux-gnu)"
for lib in libblas.so.3 liblapack.so.3; do
  cand="/usr/lib/${arch_triplet}/openblas-pthread/${lib}"
  if [ -e "$cand" ] && update-alternatives --list "${lib}-${arch_triplet}" >/dev/null 2>&1; then
    current="$(update-alternatives --query "${lib}-${arch_triplet}" | awk '/^Value:/{print $2}')"
    if [ "$current" != "$cand" ]; then
      $SUDO update-alternatives --set "${lib}-${arch_triplet}" "$cand"
    fi
  fi
done
# onnxruntime's WebAssembly build, pinned, into the project's own folder (the ONNX export tests
# run exported models in it). Nothing is fetched when it is already there.
ORT_WEB_VERSION="1.31.1"
ORT_DIR="$(cd "$(dirname "$0")/.." && pwd)/third_party/onnxruntime-web"
if [ -f "$ORT_DIR/node_modules/onnxruntime-web/package.json" ] \
   && grep -q "\"version\": \"$ORT_WEB_VERSION\"" "$ORT_DIR/node_modules/onnxruntime-web/package.json"; then
  echo "setup: onnxruntime-web $ORT_WEB_VERSION already installed"
else
  if ! command -v npm >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get install -y -q --no-install-recommends npm
  fi
  echo "setup: installing onnxruntime-web $ORT_WEB_VERSION from npm into $ORT_DIR"
  mkdir -p "$ORT_DIR"
  npm install --prefix "$ORT_DIR" --no-audit --no-fund --no-save "onnxruntime-web@$ORT_WEB_VERSION"
fi
echo "setup: done"

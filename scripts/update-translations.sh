#!/usr/bin/env bash
# Collects every tr() string of the GUI and of core (whose messages the GUI shows) into
# translations/quantbench_es.ts, keeping the translations already made. The command-line tool
# speaks English only and is left out.
set -euo pipefail
cd "$(dirname "$0")/.."
LUPDATE=/usr/lib/qt6/bin/lupdate
[ -x "$LUPDATE" ] || LUPDATE=lupdate
"$LUPDATE" -locations relative -no-obsolete core widgets app/gui -ts translations/quantbench_es.ts -target-language es

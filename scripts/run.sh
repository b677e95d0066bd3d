#!/usr/bin/env bash
# The README's run command: installs what is missing, builds, opens the GUI on the demo session.
# Extra arguments go to lernraum, e.g. `scripts/run.sh --lang en`.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build build -j "$(nproc 2>/dev/null || echo 2)"
exec build/lernraum "$@" sessions/demo-fuehrung-auf-distanz.lernraum

#!/usr/bin/env bash
# Bounded fuzzing with libFuzzer (clang from Debian: clang, libclang-rt-14-dev): the session loader,
# the board CSV import and the Trello import, each for a fixed number of executions (default 20000, a few seconds).
#   scripts/fuzz.sh [RUNS]
# Builds build-fuzz/ (a separate clang build; the normal GCC build is unaffected). The seeds come
# from tests/fixtures/fuzz/<target>/ plus, for the loader, the malformed-input corpus; new inputs
# go to a temporary folder, so the repository's corpus never changes by itself. A crash, leak,
# sanitizer report or broken round trip fails the script and leaves the input in build-fuzz/.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20000}

launcher=()
command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ -DLERNRAUM_FUZZ=ON "${launcher[@]}" >/dev/null
cmake --build build-fuzz -j "$(nproc 2>/dev/null || echo 2)"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export ASAN_OPTIONS="abort_on_error=1:detect_leaks=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:suppressions=$PWD/tests/fuzz/ubsan.supp"

fuzz() { # TARGET SEED_DIR...
  local target=$1
  shift
  mkdir -p "$work/$target"
  echo "fuzz: $target, $runs runs"
  (cd build-fuzz && "./$target" -runs="$runs" -max_len=65536 -timeout=10 -rss_limit_mb=2048 -max_total_time=120 \
    -print_final_stats=1 "$work/$target" "$@" 2>"$work/$target.log") || {
    tail -n 60 "$work/$target.log" >&2
    echo "fuzz: $target FAILED (the input is in build-fuzz/)" >&2
    exit 1
  }
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$work/$target.log" | sed "s/^/fuzz: $target: /"
}

mkdir -p "$work/fuzz_session_load"
cp tests/fixtures/valid-minimal.lernraum "$work/fuzz_session_load/"
fuzz fuzz_session_load "$PWD/tests/fixtures/fuzz/session" "$PWD/tests/fixtures/bad"
fuzz fuzz_board_csv "$PWD/tests/fixtures/fuzz/board_csv"
mkdir -p "$work/fuzz_trello_import"
cp tests/fixtures/import/*.json "$work/fuzz_trello_import/"
fuzz fuzz_trello_import
echo "fuzz: all targets clean"

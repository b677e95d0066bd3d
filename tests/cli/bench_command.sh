#!/usr/bin/env bash
# `lernraum bench` prints each figure next to its reference and the ratio; a figure that cannot be
# measured (start-up without a display) is marked as such and fails the command only when it was
# asked for (--startup). Small sizes: this checks the contract, not the speed.
# Usage: bench_command.sh LERNRAUM_BINARY SOURCE_DIR
set -uo pipefail
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

env -u DISPLAY -u WAYLAND_DISPLAY XDG_CACHE_HOME="$tmp/cache" "$bin" bench --cards 50 --runs 1 --only files,startup --json \
    >"$tmp/out" 2>"$tmp/err"
rc=$?
[[ $rc -eq 0 ]] || fail "bench without a display exited $rc; stderr: $(head -c 300 "$tmp/err")"
/usr/bin/python3 - "$tmp/out" <<'PY' || fail "bench --json rows: $(head -c 600 "$tmp/out")"
import json, sys
doc = json.load(open(sys.argv[1]))
rows = {f["name"]: f for f in doc["figures"]}
loads = [f for n, f in rows.items() if n.startswith("load 50-card session")]
saves = [f for n, f in rows.items() if n.startswith("save 50-card session")]
assert loads and saves, rows.keys()
for f in loads + saves:
    assert f["measured"] and f["reference"] and f["ratio"] > 0 and f["ratio_basis"] in ("CPU", "wall"), f
    assert f["reference_median"] > 0, f
start = [f for n, f in rows.items() if n.startswith("start-up")]
assert len(start) == 1 and not start[0]["measured"] and "no display" in start[0]["note"], start
assert start[0]["ratio"] is None, start
PY

env -u DISPLAY -u WAYLAND_DISPLAY "$bin" bench --cards 50 --runs 1 --only files --startup >"$tmp/out" 2>"$tmp/err"
rc=$?
[[ $rc -eq 1 ]] || fail "bench --startup without a display exited $rc, expected 1"
grep -q "^start-up: .*not measured: no display" "$tmp/out" || fail "start-up row: $(grep start-up "$tmp/out")"
grep -q "^  reference: RapidJSON DOM parse of the same bytes" "$tmp/out" || fail "no load reference row"
grep -q "^  reference: write + fsync + rename of the same bytes" "$tmp/out" || fail "no save reference row"

grep -q "^UI frame\|^board frame\|^research export" "$tmp/out" && fail "--only files ran other figures"

# The board frame next to the raw-ImGui clipper board of the same cards (headless, no display needed).
"$bin" bench --cards 300 --runs 1 --only frame --json >"$tmp/out" 2>"$tmp/err"
rc=$?
[[ $rc -eq 0 ]] || fail "bench --only frame exited $rc; stderr: $(head -c 300 "$tmp/err")"
/usr/bin/python3 - "$tmp/out" <<'PY' || fail "board frame rows: $(head -c 600 "$tmp/out")"
import json, sys
rows = json.load(open(sys.argv[1]))["figures"]
board = [f for f in rows if f["name"].startswith("board frame, 300 cards")]
assert len(board) == 1, [f["name"] for f in rows]
f = board[0]
assert f["measured"] and "ListClipper" in f["reference"] and f["ratio"] > 0 and f["ratio_basis"] == "CPU", f
assert not any(f["name"].startswith("load ") for f in rows), "--only frame ran the file figures"
PY
expect_usage() { "$bin" bench --only "$1" >/dev/null 2>&1; [[ $? -eq 2 ]] || fail "bench --only $1 is not a usage error"; }
expect_usage nothing

[[ $failures -eq 0 ]] || exit 1
echo "bench command: ok"

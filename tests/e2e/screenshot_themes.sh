#!/usr/bin/env bash
# End-to-end: `--screenshot` renders the real window under Xvfb in each theme, and `--theme`
# really changes the picture: the light theme's background is light, the dark and
# high-contrast themes' backgrounds are dark, and high contrast is the darkest.
# Usage: screenshot_themes.sh LERNRAUM_BINARY SOURCE_DIR
set -euo pipefail
bin=$(realpath "$1")
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.bash"
src=$2

e2e_require xvfb-run python3

e2e_workdir

for theme in light dark high-contrast; do
    xvfb-run -a -s "-screen 0 1280x720x24" "$bin" --screenshot "$work/$theme.png" --size 1280x720 \
        --view board --theme "$theme" "$src/sessions/demo-fuehrung-auf-distanz.lernraum"
done

# Median grey level of each picture (decodes the PNG with the standard library only).
python3 - "$work" <<'PY'
import struct, sys, zlib

def grey_median(path):
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path + ": not a PNG"
    pos, idat, width, height, channels = 8, b"", 0, 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8, "8-bit PNG expected"
            channels = {2: 3, 6: 4}[colour]
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, prev, i = [], bytearray(stride), 0
    for _ in range(height):
        f, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b = prev[x]
            c = prev[x - channels] if x >= channels else 0
            if f == 1: line[x] = (line[x] + a) & 255
            elif f == 2: line[x] = (line[x] + b) & 255
            elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    greys = sorted(sum(r[x:x + 3]) // 3 for r in rows[::8] for x in range(0, stride, channels * 8))
    return greys[len(greys) // 2]

work = sys.argv[1]
g = {t: grey_median(f"{work}/{t}.png") for t in ("light", "dark", "high-contrast")}
print("median grey:", g)
if not g["light"] > 180: sys.exit(f"FAIL: light theme background not light: {g}")
if not g["dark"] < 90: sys.exit(f"FAIL: dark theme background not dark: {g}")
if not g["high-contrast"] < 30 or not g["high-contrast"] <= g["dark"]:
    sys.exit(f"FAIL: high-contrast background not the darkest: {g}")
print("ok")
PY

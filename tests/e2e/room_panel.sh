#!/usr/bin/env bash
# The join panel of the participants' room in a real window under Xvfb, presentation mode: the QR
# code in the screenshot decodes (zbarimg) to the URL the app printed (upper case, so the code can
# use the alphanumeric mode), and the panel shows the counts line.
# Usage: room_panel.sh LERNRAUM_BINARY SOURCE_DIR
set -euo pipefail
bin=$1
src=$2
source "$src/tests/e2e/lib/common.bash"
e2e_require xvfb-run zbarimg
e2e_workdir
shot="$work/panel.png"
timeout 60 xvfb-run -a -n $((100 + RANDOM % 800)) -s "-screen 0 1920x1080x24" \
    "$bin" --screenshot "$shot" --presentation --view retro --room 127.0.0.1 \
    "$src/sessions/demo-fuehrung-auf-distanz.lernraum" >"$work/out" 2>"$work/err" \
    || fail "screenshot with the room panel failed: $(cat "$work/err")"
url=$(sed -n 's/^join: //p' "$work/out")
[[ $url =~ ^http://127\.0\.0\.1:[0-9]+/j/[A-Z0-9]{6}$ ]] || fail "no join URL printed: $(cat "$work/out")"
decoded=$(zbarimg -q --raw "$shot" 2>/dev/null) || fail "no QR code found in the screenshot"
[[ $decoded == "${url^^}" ]] || fail "QR code says '$decoded', expected '${url^^}'"
echo "ok: the panel's QR code decodes to ${url^^}"

#!/usr/bin/env bash
# Participants' room in a real browser: three headless Chromium sessions (390x844, a phone) join
# the headless room, write face-down cards, the facilitator reveals and opens voting over stdin,
# they vote and one reloads; the saved file holds cards and counts but no token, address or user
# agent. See tests/e2e/room_browser.py. Needs chromium, chromium-driver and python3-selenium
# (scripts/install-deps.sh); a missing tool fails the test. ROOM_SCREENSHOTS=DIR keeps the phone
# screenshots (join, writing, voting) there.
# Usage: room_browser.sh LERNRAUM_BINARY SOURCE_DIR
set -euo pipefail
bin=$1
src=$2
source "$src/tests/e2e/lib/common.bash"
e2e_require chromium chromedriver /usr/bin/python3
/usr/bin/python3 -c 'import selenium' 2>/dev/null || fail "python3-selenium not installed"
e2e_workdir
export HOME="$work" # Chromium's profile and crash dumps stay in the work directory
timeout 170 /usr/bin/python3 "$src/tests/e2e/room_browser.py" "$bin" "$src" "$work" ${ROOM_SCREENSHOTS:+"$ROOM_SCREENSHOTS"}

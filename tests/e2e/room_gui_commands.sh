#!/usr/bin/env bash
# The participants' room in the real window, opened from the command line (what the load script
# `scripts/room-load.py --gui` uses): `--room 127.0.0.1` prints the join URL and code like
# `lernraum room`, `--room-commands` takes the facilitator's commands on stdin (applied on the GUI
# thread like the Retrospective tab's buttons), `--frame-stats` writes the frame times at exit.
# One device joins and writes a card; the window reveals, saves and quits; the file holds the card,
# revealed, and no token. Talks only to 127.0.0.1; every wait is bounded.
# Usage: room_gui_commands.sh LERNRAUM_BINARY SOURCE_DIR
set -euo pipefail
bin=$(realpath "$1")
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.bash"
e2e_require xvfb-run python3
e2e_workdir

# Usage errors need no display.
rc=0
"$bin" --room-commands >/dev/null 2>"$work/err" || rc=$?
[[ $rc -eq 2 ]] || fail "--room-commands without --room must be a usage error (2), got $rc"

session="$work/gui-room.lernraum"
"$bin" new -o "$session" --title "GUI-Raum" >/dev/null
cat >"$work/drive.py" <<'PY'
import http.client, json, os, subprocess, sys, threading, queue
bin, session, stats = sys.argv[1:4]
app = subprocess.Popen([bin, session, "--room", "127.0.0.1", "--room-commands", "--frame-stats", stats,
                        "--view", "retro"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1,
                       stderr=open(os.environ["LOG"], "w"))
lines = queue.Queue()
threading.Thread(target=lambda: [lines.put(l.strip()) for l in app.stdout], daemon=True).start()
def say(command):
    app.stdin.write(command + "\n")
    app.stdin.flush()
    return lines.get(timeout=30)
try:
    url = lines.get(timeout=60)
    code = lines.get(timeout=30)
    assert url.startswith("join: http://127.0.0.1:") and code == "code: " + url[-6:], (url, code)
    hostport = url.split("/")[2]
    def call(path, body, cookie=None):
        c = http.client.HTTPConnection(hostport, timeout=10)
        h = {"Content-Type": "application/json", "Origin": "http://" + hostport}
        if cookie:
            h["Cookie"] = "lr=" + cookie
        c.request("POST", path, json.dumps(body), h)
        r = c.getresponse()
        return r.status, r.getheader("Set-Cookie") or "", r.read()
    assert say("phase 2") == "phase: 2"
    status, cookie, _ = call("/api/join", {"code": code[6:]})
    assert status == 200, status
    token = cookie.split("lr=")[1].split(";")[0]
    status, _, body = call("/api/cards", {"text": "Karte vom Handy", "requestId": "g1"}, token)
    assert status == 201, (status, body)
    status_line = say("status")
    assert status_line.startswith("status: devices=1 hidden=1 cards=1 "), status_line
    assert say("reveal") == "revealed: 1"
    assert say("save") == "saved"
    app.stdin.write("quit\n")
    app.stdin.flush()
    assert app.wait(timeout=60) == 0
    print(token)
finally:
    if app.poll() is None:
        app.kill()
PY
token=$(LOG="$work/lernraum.log" timeout 120 xvfb-run -a -n $((100 + RANDOM % 800)) -s "-screen 0 1600x900x24" \
    python3 "$work/drive.py" "$bin" "$session" "$work/frames.json") \
    || fail "driving the window failed: $(cat "$work/lernraum.log")"
grep -q '"text": "Karte vom Handy"' "$session" || fail "the card is not in the saved file"
grep -q '"hidden": false' "$session" || fail "the reveal was not saved"
grep -q "$token" "$session" && fail "the device token is in the file"
python3 - "$work/frames.json" <<'PY' || fail "frame stats: $(head -c 300 "$work/frames.json")"
import json, sys
f = json.load(open(sys.argv[1]))
assert f["frames"] > 0 and f["frames"] == len(f["samples"]), f["frames"]
assert 0 < f["wall_ms"]["median"] <= f["wall_ms"]["p95"] <= f["wall_ms"]["max"], f["wall_ms"]
assert all(s[1] >= s[3] >= 0 for s in f["samples"]), "present time longer than the frame"
PY
echo "PASS: the window opened the room from the command line, took a phone's card, revealed, saved, quit"

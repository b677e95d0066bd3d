#!/usr/bin/env bash
# lernraum room: start lines, usage and input errors, a participant's card saved within 2 s of the
# change, facilitator commands on stdin, SIGTERM saves and exits 0, the file holds no token or
# address. Talks only to 127.0.0.1; every wait is bounded.
# Usage: room_command.sh LERNRAUM_BINARY SOURCE_DIR
set -uo pipefail
bin=$1
tmp=$(mktemp -d)
pid=
cleanup() { [[ -n $pid ]] && kill "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

"$bin" new -o "$tmp/w.lernraum" --title "Raum-Test" >/dev/null || { echo "FAIL: new"; exit 1; }

# Usage and input errors.
"$bin" room "$tmp/w.lernraum" --bind 0.0.0.0 >"$tmp/out" 2>"$tmp/err" </dev/null
[[ $? -eq 1 ]] || fail "--bind 0.0.0.0 must fail with 1"
grep -q "lernraum: $tmp/w.lernraum: error: refusing to listen on every address" "$tmp/err" || fail "0.0.0.0 message: $(cat "$tmp/err")"
"$bin" room "$tmp/missing.lernraum" >"$tmp/out" 2>"$tmp/err" </dev/null
[[ $? -eq 1 ]] || fail "a missing file must fail with 1"
"$bin" room "$tmp/w.lernraum" --port 70000 >"$tmp/out" 2>"$tmp/err" </dev/null
[[ $? -eq 2 ]] || fail "--port 70000 must be a usage error (2)"
"$bin" room "$tmp/w.lernraum" --bind not-an-address >"$tmp/out" 2>"$tmp/err" </dev/null
[[ $? -eq 1 ]] || fail "--bind not-an-address must fail with 1"

# A running room, driven through a FIFO.
mkfifo "$tmp/in"
"$bin" room "$tmp/w.lernraum" --port 0 <"$tmp/in" >"$tmp/out" 2>"$tmp/err" &
pid=$!
exec 3>"$tmp/in"
for _ in $(seq 50); do grep -q '^code: ' "$tmp/out" && break; sleep 0.1; done
url=$(sed -n 's/^join: //p' "$tmp/out")
code=$(sed -n 's/^code: //p' "$tmp/out")
[[ $url =~ ^http://127\.0\.0\.1:[0-9]+/j/[A-Z0-9]{6}$ && $url == *"$code" ]] || fail "start lines: $(cat "$tmp/out")"

echo "phase 2" >&3
sleep 0.3
token=$(python3 - "$url" "$code" <<'PY'
import http.client, json, sys
url, code = sys.argv[1], sys.argv[2]
hostport = url.split("/")[2]
origin = "http://" + hostport
def call(path, body, cookie=None):
    c = http.client.HTTPConnection(hostport, timeout=5)
    h = {"Content-Type": "application/json", "Origin": origin}
    if cookie: h["Cookie"] = "lr=" + cookie
    c.request("POST", path, json.dumps(body), h)
    r = c.getresponse()
    return r.status, r.getheader("Set-Cookie") or "", r.read()
status, cookie, _ = call("/api/join", {"code": code.lower()})
token = cookie.split("lr=")[1].split(";")[0]
status, _, body = call("/api/cards", {"text": "Weniger Meetings", "requestId": "r1"}, token)
assert status == 201, (status, body)
print(token)
PY
) || fail "joining and writing a card failed"
sleep 2
grep -q '"text": "Weniger Meetings"' "$tmp/w.lernraum" || fail "the card was not saved within 2 s"
grep -q '"hidden": true' "$tmp/w.lernraum" || fail "the card was not saved face-down"

echo "status" >&3
echo "reveal" >&3
echo "save" >&3
echo "timing" >&3
echo "nonsense" >&3
sleep 0.5
grep -Eq '^timing: answers=1 median=[0-9.]+ p95=[0-9.]+ max=[0-9.]+ ms$' "$tmp/out" || fail "timing answer: $(cat "$tmp/out")"
grep -q '^saved$' "$tmp/out" || fail "save answer: $(cat "$tmp/out")"
grep -q '"hidden": false' "$tmp/w.lernraum" || fail "save did not write the reveal"
grep -q '^status: devices=1 hidden=1 cards=1 ' "$tmp/out" || fail "status line: $(grep status "$tmp/out")"
grep -q '^revealed: 1$' "$tmp/out" || fail "reveal answer: $(cat "$tmp/out")"
grep -q "error: unknown command 'nonsense'" "$tmp/err" || fail "unknown command not reported: $(cat "$tmp/err")"

kill -TERM "$pid"
wait "$pid"
rc=$?
pid=
exec 3>&-
[[ $rc -eq 0 ]] || fail "SIGTERM must save and exit 0, got $rc: $(cat "$tmp/err")"
grep -q '"hidden": false' "$tmp/w.lernraum" || fail "the reveal was not saved on SIGTERM"
[[ -n $token ]] && grep -q "$token" "$tmp/w.lernraum" && fail "the device token is in the file"
grep -q '127.0.0.1' "$tmp/w.lernraum" && fail "an address is in the file"
"$bin" validate "$tmp/w.lernraum" >/dev/null || fail "the saved file does not validate"

[[ $failures -eq 0 ]] && echo "ok: room command"
exit $((failures > 0))

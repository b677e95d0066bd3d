#!/usr/bin/env bash
# End-to-end: the audience window on a second monitor. Xvfb shows GLFW one monitor only (its
# RandR has a single output), so this test runs a real X server with the dummy video driver,
# whose RandR has outputs DUMMY0..15, and switches DUMMY1 on right of DUMMY0 with xrandr: two
# monitors, as a laptop with a projector. Then:
#   - F5 in the facilitator's window opens the audience window full screen on the second monitor;
#   - an edit in the facilitator's window (F2, a new title) is in the audience window's very next
#     frame (LERNRAUM_E2E_AUDIENCE: one line a frame with what each window showed);
#   - the idle pair uses about 0 % CPU (measured over 5 s from /proc, printed for docs/benchmarks.md);
#   - Esc in the audience window closes it, F5 opens it again;
#   - unplugging the projector (xrandr --off) closes the audience window; the facilitator's
#     window keeps everything, an unsaved edit too (saved afterwards with Ctrl+S).
# Usage: audience_window.sh LERNRAUM_BINARY SOURCE_DIR
set -euo pipefail
bin=$(realpath "$1")
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.bash"

e2e_require Xorg xrandr xdotool xdpyinfo
[[ -f /usr/lib/xorg/modules/drivers/dummy_drv.so ]] || fail "the dummy X driver is not installed (xserver-xorg-video-dummy)"

e2e_workdir
session="$work/e2e-audience.lernraum"
"$bin" new -o "$session" --template demo >/dev/null

cat >"$work/dummy.conf" <<'CONF'
Section "ServerFlags"
  Option "AutoAddDevices" "false"
  Option "AutoAddGPU" "false"
  Option "DontVTSwitch" "true"
EndSection
Section "Device"
  Identifier "dummy"
  Driver "dummy"
  VideoRam 256000
EndSection
Section "Monitor"
  Identifier "monitor"
  HorizSync 5.0-1000.0
  VertRefresh 5.0-200.0
  Modeline "1920x1080" 148.50 1920 2008 2052 2200 1080 1084 1089 1125 +hsync +vsync
EndSection
Section "Screen"
  Identifier "screen"
  Device "dummy"
  Monitor "monitor"
  DefaultDepth 24
  SubSection "Display"
    Depth 24
    Virtual 3840 1080
    Modes "1920x1080"
  EndSubSection
EndSection
CONF

# A free display number (random start, so parallel runs do not meet).
n=$((200 + RANDOM % 500))
while [[ -e /tmp/.X11-unix/X$n || -e /tmp/.X$n-lock ]]; do n=$((n + 1)); done
export DISPLAY=":$n"
Xorg "$DISPLAY" -config "$work/dummy.conf" -noreset -nolisten tcp -logfile "$work/xorg.log" \
    -novtswitch -sharevts vt63 >"$work/xorg.out" 2>&1 &
xorg=$!
app=""
cleanup() {
    [[ -n "$app" ]] && kill "$app" 2>/dev/null || true
    kill "$xorg" 2>/dev/null || true
    wait "$xorg" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
for _ in $(seq 100); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
xdpyinfo >/dev/null 2>&1 || { cat "$work/xorg.out" "$work/xorg.log" >&2 || true; fail "the dummy X server did not start"; }

# The projector: a second monitor right of the laptop's.
xrandr --newmode projector 148.50 1920 2008 2052 2200 1080 1084 1089 1125 +hsync +vsync
xrandr --addmode DUMMY1 projector
xrandr --output DUMMY1 --mode projector --right-of DUMMY0
[[ $(xrandr --listactivemonitors | head -n1) == "Monitors: 2" ]] || fail "no second monitor: $(xrandr --listactivemonitors)"

frames="$work/frames.txt"
LERNRAUM_E2E_AUDIENCE="$frames" "$bin" --lang de "$session" 2>"$work/lernraum.log" &
app=$!
wid=$(e2e_window 'e2e-audience.lernraum') || fail "no main window appeared"
sleep 1

# F5: the audience window, full screen on the second monitor.
step key F5
aud=$(timeout 10 xdotool search --sync --onlyvisible --name 'Zuschauerfenster' | head -n1) || fail "no audience window after F5"
eval "$(xdotool getwindowgeometry --shell "$aud")"
echo "audience window at ${X},${Y} size ${WIDTH}x${HEIGHT}"
(( X >= 1920 && X < 3840 && WIDTH == 1920 && HEIGHT == 1080 )) || fail "audience window not full screen on the second monitor: ${X},${Y} ${WIDTH}x${HEIGHT}"
for _ in $(seq 50); do [[ -s "$frames" ]] && break; sleep 0.1; done # mapped before its first frame
[[ -s "$frames" ]] || fail "the audience window drew no frame"

# An edit in the facilitator's window: the audience shows it in the frame that applies it.
xdotool windowfocus --sync "$wid"
step key F2
sleep 2 # the rename field takes the keyboard (slow under load, e.g. the sanitizer build)
step type --delay 120 'Projektorprobe'
step key Return
for _ in $(seq 100); do grep -q ' main=Projektorprobe ' "$frames" && break; sleep 0.1; done # a busy machine
first=$(grep -m1 ' main=Projektorprobe ' "$frames") || { tail -5 "$frames" >&2; fail "the edit never reached the main window"; }
echo "first frame with the edit: $first"
[[ $first == *" audience=Projektorprobe "* ]] || fail "the audience window lagged behind: $first"

# Idle: both windows open, nothing happening (saved first: unsaved changes wake the window once a
# second until their recovery copy is written).
step key ctrl+s
saved() { for _ in $(seq 100); do grep -q "\"title\": \"$1\"" "$session" && return 0; sleep 0.1; done; return 1; }
saved 'Projektorprobe' || fail "Ctrl+S did not save the edit"
sleep 2
# The GUI thread draws both windows; the process total also counts background work that is not
# the windows' (the hyphenation patterns may still be loading on a busy machine), so it is printed
# but the GUI thread is what must sleep.
ticks() { awk '{print $14 + $15}' "$1"; }
before=$(ticks "/proc/$app/task/$app/stat"); all_before=$(ticks "/proc/$app/stat"); lines_before=$(wc -l <"$frames")
sleep 5
after=$(ticks "/proc/$app/task/$app/stat"); all_after=$(ticks "/proc/$app/stat"); lines_after=$(wc -l <"$frames")
hz=$(getconf CLK_TCK)
percent() { awk -v a="$1" -v b="$2" -v hz="$hz" 'BEGIN { printf "%.1f", (b - a) * 100 / hz / 5 }'; }
cpu=$(percent "$before" "$after")
echo "idle CPU over 5 s: GUI thread ${cpu} %, whole process $(percent "$all_before" "$all_after") % of one core, $((lines_after - lines_before)) frames drawn"
awk -v c="$cpu" 'BEGIN { exit !(c < 3.0) }' || fail "the idle pair's GUI thread uses ${cpu} % CPU"
(( lines_after - lines_before <= 2 )) || fail "the idle pair kept drawing: $((lines_after - lines_before)) frames in 5 s"

# Esc in the audience window closes it (its only keys: Esc, F5, F6); F5 opens it again.
xdotool windowfocus --sync "$aud"
step key Escape
xdotool search --onlyvisible --name 'Zuschauerfenster' >/dev/null 2>&1 && fail "Esc in the audience window did not close it"
xdotool windowfocus --sync "$wid"
step key F5
aud=$(timeout 10 xdotool search --sync --onlyvisible --name 'Zuschauerfenster' | head -n1) || fail "F5 did not open the audience window again"

# Unplugging the projector closes the audience window; the main window keeps an unsaved edit.
xdotool windowfocus --sync "$wid"
step key F2
sleep 2 # the rename field takes the keyboard (slow under load, e.g. the sanitizer build)
step type --delay 120 'Nach dem Abstecken'
step key Return
for _ in $(seq 100); do grep -q ' main=Nach dem Abstecken ' "$frames" && break; sleep 0.1; done
grep -q ' main=Nach dem Abstecken ' "$frames" || { tail -3 "$frames" >&2; fail "the second edit never reached the main window"; }
xrandr --output DUMMY1 --off
for _ in $(seq 50); do xdotool search --onlyvisible --name 'Zuschauerfenster' >/dev/null 2>&1 || break; sleep 0.1; done
xdotool search --onlyvisible --name 'Zuschauerfenster' >/dev/null 2>&1 && fail "the audience window stayed after its monitor was unplugged"
kill -0 "$app" 2>/dev/null || fail "the app ended when the monitor was unplugged"
xdotool windowfocus --sync "$wid"
step key ctrl+s
saved 'Nach dem Abstecken' || fail "the unsaved edit was lost when the audience window closed"
step key ctrl+q
e2e_exited "$app" || fail "Ctrl+Q did not quit"
wait "$app" || fail "exit code $? after quitting"
app=""
echo "PASS"

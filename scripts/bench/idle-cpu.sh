#!/bin/sh
# CPU use of an idle Lernraum window with the workshop timer running, next to a Dear ImGui hello
# world redrawing once a second (scripts/bench/hello_idle.cpp), both 1920x1080 under Xvfb with
# Mesa's software renderer. Prints each process's utime+stime over SECONDS and the ratio.
# Figures in docs/benchmarks.md ("Idle window with the timer running").
#
#   scripts/bench/idle-cpu.sh build/lernraum [SECONDS]
#   LERNRAUM_PARTIAL_REDRAW=0 scripts/bench/idle-cpu.sh build/lernraum   # every frame redrawn fully
#   KEEP=1 ...   keeps the work directory (logs) for a look afterwards
#
# Needs xvfb-run, xdotool, g++ and libimgui-dev (scripts/install-deps.sh installs them).
set -eu
lernraum=$(realpath "$1")
seconds=${2:-20}
here=$(dirname "$(realpath "$0")")
work=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
# shellcheck disable=SC2046 # pkg-config prints several words
g++ -O2 -std=c++17 -o "$work/hello_idle" "$here/hello_idle.cpp" $(pkg-config --cflags --libs imgui stb glfw3) -lGL -lfreetype
"$lernraum" new -o "$work/demo.lernraum" --template demo >/dev/null 2>&1 ||
    cp "$here/../../sessions/demo-fuehrung-auf-distanz.lernraum" "$work/demo.lernraum"

cat >"$work/drive.sh" <<'DRIVE'
#!/bin/sh
set -eu
# ticks PID: utime + stime of the process in clock ticks
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
measure() { # name pid
    sleep 15
    a=$(ticks "$2"); sleep "$SECONDS_TO_MEASURE"; b=$(ticks "$2")
    hz=$(getconf CLK_TCK)
    echo "$1 $((b - a)) $hz"
}
XDG_CONFIG_HOME="$WORK/config" "$LERNRAUM" --size 1920x1080 "$WORK/demo.lernraum" 2>"$WORK/lernraum.log" &
app=$!
id=$(timeout 30 xdotool search --sync --onlyvisible --name "lernraum|Lernraum|demo" | head -n1)
xdotool windowfocus --sync "$id" 2>/dev/null || true
sleep 2
xdotool key F6 # start the workshop timer
measure lernraum "$app" >"$WORK/lernraum.ticks"
kill "$app"; wait "$app" 2>/dev/null || true
"$WORK/hello_idle" 1920 1080 2>"$WORK/hello.log" &
hello=$!
measure hello "$hello" >"$WORK/hello.ticks"
kill "$hello"; wait "$hello" 2>/dev/null || true
DRIVE
chmod +x "$work/drive.sh"
WORK=$work LERNRAUM=$lernraum SECONDS_TO_MEASURE=$seconds LIBGL_ALWAYS_SOFTWARE=1 \
    xvfb-run -a -n $((100 + $(od -An -N2 -tu2 /dev/urandom) % 800)) -s "-screen 0 1920x1080x24" "$work/drive.sh"
awk -v s="$seconds" '
    { name[NR] = $1; ticks[NR] = $2; hz = $3 }
    END {
        for (i = 1; i <= NR; i++) printf "%-10s %5d ticks in %d s = %.2f %% of a core\n", name[i], ticks[i], s, 100 * ticks[i] / hz / s
        if (ticks[2] > 0) printf "ratio lernraum / hello: %.2f\n", ticks[1] / ticks[2]
        else print "ratio: hello used no measurable CPU"
    }' "$work/lernraum.ticks" "$work/hello.ticks"

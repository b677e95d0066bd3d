# Shared by the end-to-end scripts in tests/e2e (a .bash file in lib/, so the *.sh glob of
# tests/CMakeLists.txt does not take it for a test). Source it from a test, and from the drive
# script that the test runs under Xvfb (the test exports its path as E2E_LIB).

fail() { echo "FAIL: $*" >&2; exit 1; }

# Fails when a tool is missing: a skipped end-to-end test must not count as passed.
e2e_require() {
    local tool
    for tool in "$@"; do
        command -v "$tool" >/dev/null || fail "$tool not installed (scripts/install-deps.sh installs it)"
    done
}

# A fresh work directory in $work, removed on exit, and the XDG config, state and cache
# directories inside it, so a test never touches the user's settings or recovery copies.
e2e_workdir() {
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    export XDG_CONFIG_HOME="$work/config" XDG_STATE_HOME="$work/state" XDG_CACHE_HOME="$work/cache"
}

# Runs DRIVE_SCRIPT ARGS... under its own Xvfb server (the display search starts at a random
# number, so parallel runs do not share one); shows the app's stderr ($work/lernraum.log) on failure.
e2e_drive() {
    export E2E_LIB; E2E_LIB=$(realpath "${BASH_SOURCE[0]}")
    chmod +x "$1"
    if ! xvfb-run -a -n $((100 + RANDOM % 800)) -s "-screen 0 1600x900x24" "$@"; then
        echo "--- lernraum stderr ---" >&2
        cat "$work/lernraum.log" >&2 || true
        exit 1
    fi
}

# --- inside the drive script -------------------------------------------------------------------

# The id of the window whose title contains NAME, once it is mapped, focused for keyboard input
# (there is no window manager). Focusing an unmapped window is an X BadMatch error, and a slow
# start (e.g. the sanitizer build) can map it late: retry.
e2e_window() {
    local id
    id=$(timeout 30 xdotool search --sync --onlyvisible --name "$1" | head -n1) || return 1
    for _ in 1 2 3 4 5 6 7 8 9 10; do
        xdotool windowfocus --sync "$id" 2>/dev/null && { echo "$id"; return 0; }
        sleep 0.5
    done
    return 1
}

# One xdotool action, then time for the app to draw its frames.
step() { xdotool "$@"; sleep 0.6; }

# Waits up to 5 s for process PID to end; fails (returns 1) when it is still running.
e2e_exited() {
    for _ in $(seq 50); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done
    return 1
}

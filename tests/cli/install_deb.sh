#!/usr/bin/env bash
# `dpkg -i` of the .deb that `cpack -G DEB` builds, without touching this machine: dpkg installs it
# into a scratch root (--root) whose package database is a copy of this machine's, so the
# package's Depends are checked against what is really installed here (no --force-depends). The
# installed copy runs `--version`, `validate` and `report` on the demo; `dpkg --purge` then removes
# every file it installed. The machine's own package database is never written.
# Runs only as root (dpkg sets file owners) and only for a package without maintainer scripts
# (--force-script-chrootless would run them on this machine); otherwise exits 77, which ctest
# shows as skipped, never as passed.
# Usage: install_deb.sh LERNRAUM_BINARY SOURCE_DIR (the build dir is the binary's directory)
set -uo pipefail
bin=$1
src=$2
build=$(cd "$(dirname "$bin")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
skip() { echo "SKIP: $*"; exit 77; }
expect_rc() { # expected command...
    local expected=$1; shift
    "$@" >"$tmp/out" 2>"$tmp/err"
    local rc=$?
    [[ $rc -eq $expected ]] || fail "'$*' exited $rc, expected $expected; stderr: $(head -c 500 "$tmp/err")"
}
for tool in cpack dpkg dpkg-deb dpkg-query; do
    command -v "$tool" >/dev/null || { echo "FAIL: $tool is missing (scripts/install-deps.sh installs it)"; exit 1; }
done
[[ $(id -u) -eq 0 ]] || skip "dpkg -i into a scratch root needs root (file owners); not root here"
unset LERNRAUM_ASSETSDIR LERNRAUM_LOCALEDIR
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/config" XDG_STATE_HOME="$tmp/state" XDG_CACHE_HOME="$tmp/cache"

cpack -G DEB --config "$build/CPackConfig.cmake" -B "$tmp/deb" >"$tmp/cpack.log" 2>&1 || { cat "$tmp/cpack.log"; echo "FAIL: cpack"; exit 1; }
debs=("$tmp"/deb/lernraum_*.deb)
[[ ${#debs[@]} -eq 1 && -f "${debs[0]}" ]] || { echo "FAIL: cpack wrote no lernraum_*.deb"; exit 1; }
deb=${debs[0]}
scripts=$(dpkg-deb --ctrl-tarfile "$deb" | tar -t | grep -E '(^|/)(pre|post)(inst|rm)$')
[[ -z "$scripts" ]] || skip "the package has maintainer scripts ($scripts); installing it here would run them on this machine"

# The scratch root: a copy of this machine's package database (status, and empty file lists so
# that dpkg knows the packages without owning any file under the scratch root).
root="$tmp/root"
admin="$root/var/lib/dpkg"
mkdir -p "$admin/info" "$admin/updates"
cp /var/lib/dpkg/status "$admin/status"
while read -r package; do : >"$admin/info/$package.list"; done < <(dpkg-query -W -f='${binary:Package}\n')
host_status=$(sha256sum /var/lib/dpkg/status)
host_had=$(dpkg-query -W -f='${Status}' lernraum 2>/dev/null)

scratch_dpkg() { dpkg --root="$root" --force-not-root --force-script-chrootless --log=/dev/null "$@"; }
expect_rc 0 scratch_dpkg -i "$deb"
grep -q "dependency problems" "$tmp/err" && fail "Depends not satisfied on this machine: $(head -c 500 "$tmp/err")"
[[ $(dpkg-query --admindir="$admin" -W -f='${Status}' lernraum 2>/dev/null) == "install ok installed" ]] ||
    fail "lernraum is not installed in the scratch root"
dpkg-query --admindir="$admin" -L lernraum >"$tmp/files" 2>/dev/null
for f in /usr/bin/lernraum /usr/share/locale/de/LC_MESSAGES/lernraum.mo /usr/share/lernraum/assets/room/index.html \
    /usr/share/man/man1/lernraum.1.gz; do
    grep -qx "$f" "$tmp/files" || fail "dpkg -L lernraum lacks $f"
    [[ -s "$root$f" ]] || fail "$f not installed in the scratch root"
done

# The installed copy runs on the demo, from its own files.
installed="$root/usr/bin/lernraum"
cp "$src/sessions/demo-fuehrung-auf-distanz.lernraum" "$tmp/demo.lernraum"
expect_rc 0 "$installed" --version
grep -qx "lernraum [0-9.]*" "$tmp/out" || fail "--version printed '$(cat "$tmp/out")'"
expect_rc 0 "$installed" validate "$tmp/demo.lernraum"
grep -q "demo.lernraum: ok" "$tmp/out" || fail "validate printed '$(cat "$tmp/out")'"
expect_rc 0 "$installed" report "$tmp/demo.lernraum" --format md --lang de -o "$tmp/report.md"
[[ -s "$tmp/report.md" ]] || fail "report wrote nothing"
expect_rc 0 "$installed" --help
grep -q "^Aufruf:" "$tmp/out" || fail "the installed copy's --help is not German (catalogue not found)"

# Purged: nothing of the package is left, and this machine never knew it.
expect_rc 0 scratch_dpkg --purge lernraum
left=$(find "$root" -path "$admin" -prune -o -type f -print | head -5)
[[ -z "$left" ]] || fail "files left after dpkg --purge: $left"
[[ $(sha256sum /var/lib/dpkg/status) == "$host_status" ]] || fail "this machine's package database changed"
[[ $(dpkg-query -W -f='${Status}' lernraum 2>/dev/null) == "$host_had" ]] || fail "lernraum's state on this machine changed"

if [[ $failures -gt 0 ]]; then
    echo "$failures failure(s)"
    exit 1
fi
echo "install_deb: ok"

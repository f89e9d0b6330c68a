#!/usr/bin/env bash
# Checks what a user of the .deb gets. First in a scratch root (dpkg-deb -x, no system change): the `stc`
# launcher answers --version with the version and source commit and compiles the shipped model, the
# workbench launcher and its menu entry and icon are there, no template placeholder is left in a file the
# package installs, and the maintainer scripts register the menu and link /usr/bin/stc.
# With --install (root only; CI does this): installs the package for real with dpkg -i, on this machine
# as it is and once more without a system menu directory (where xdg-desktop-menu exits 3), runs
# /usr/bin/stc --version and a smoke compile, purges it and checks that nothing is left behind.
#
#   installer/test.sh [--install]   (builds with installer/build.sh first when there is no .deb)
set -euo pipefail
cd "$(dirname "$0")/.."
deb=$(ls target/installer/stc-workbench_*.deb 2>/dev/null | head -1 || true)
if [ -z "$deb" ]; then
  installer/build.sh all
  deb=$(ls target/installer/stc-workbench_*.deb | head -1)
fi
root=target/installer/root
rm -rf "$root" target/installer/control
dpkg-deb -x "$deb" "$root"
dpkg-deb -e "$deb" target/installer/control
app="$root/opt/stc-workbench"
fail() { echo "installer test FAILED: $*" >&2; exit 1; }

version=$("$app/bin/stc" --version)
echo "$version" | grep -Eq '^stc [0-9]+\.[0-9]+\.[0-9]+.* \(commit [0-9a-f]{7,}' || fail "stc --version said: $version"
"$app/bin/stc" compile --model fmnist-spikformer-tiny --target loihi2 --layers 0 --no-store --out target/installer/smoke.nxe \
    > target/installer/smoke.txt || fail "smoke compile"
grep -q 'cores' target/installer/smoke.txt || fail "smoke compile printed no resources"
"$app/bin/stc" inspect target/installer/smoke.nxe > /dev/null || fail "the compiled binary does not validate"
"$app/bin/stc" | grep -q 'Usage: stc' || fail "stc without arguments should print its help"
[ -x "$app/bin/stc-workbench" ] || fail "no workbench launcher"
grep -q '^arguments=gui' "$app/lib/app/stc-workbench.cfg" || fail "the workbench launcher does not open the window"
desktop="$app/lib/stc-workbench-stc-workbench.desktop"
grep -q '^Exec=/opt/stc-workbench/bin/stc-workbench' "$desktop" || fail "menu entry: $(cat "$desktop")"
grep -q '^Name=Spike-Transformer-Compiler Workbench' "$desktop" || fail "menu entry name"
icon=$(sed -n 's/^Icon=//p' "$desktop")
[ -s "$root$icon" ] || fail "menu entry icon $icon missing"
grep -q '^NoDisplay=true' "$app/lib/stc-workbench-stc.desktop" || fail "the command line's entry should stay out of menus"
grep -q 'xdg-desktop-menu install --mode system "$entry"' target/installer/control/postinst \
    || fail "postinst does not install the menu entry"
grep -q 'ln -sf /opt/stc-workbench/bin/stc /usr/bin/stc' target/installer/control/postinst || fail "postinst does not link stc"
# jpackage fills its templates' upper-case placeholders (APPLICATION_LAUNCHER, ...); one it has no value for
# stays as written, so look for any in the text files the package installs and in its maintainer scripts.
placeholders=$(grep -lE '(^|[=[:space:]])[A-Z]+(_[A-Z]+)+([[:space:]]|$)' "$app"/lib/*.desktop "$app"/lib/app/*.cfg \
    target/installer/control/postinst target/installer/control/prerm 2>/dev/null || true)
[ -z "$placeholders" ] || fail "template placeholders left in: $placeholders"
echo "installer test passed: $version; $(du -sh "$deb" | cut -f1) .deb; smoke compile: $(grep -m1 'cores' target/installer/smoke.txt | tr -s ' ')"

[ "${1:-}" = --install ] || exit 0
[ "$(id -u)" = 0 ] || fail "--install installs the package for real: run it as root"
# dpkg -i installs no dependencies: bring the package's own from the archive first when some are missing.
deps=$(dpkg-deb -f "$deb" Depends | tr -d ' ' | tr ',' '\n' | sed 's/(.*//')
missing=$(for d in $deps; do dpkg -s "$d" >/dev/null 2>&1 || echo "$d"; done)
if [ -n "$missing" ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing > /dev/null
fi

installed_files() {
  find /opt/stc-workbench /usr/share/applications /etc/xdg/menus /usr/share/desktop-directories -name '*stc-workbench*' 2>/dev/null
  [ -e /usr/bin/stc ] && echo /usr/bin/stc
  true
}

install_and_purge() {
  what=$1
  slug=$(echo "$what" | tr ' ' '-')
  log=target/installer/dpkg-$slug.log
  dpkg -i "$deb" > "$log" 2>&1 || fail "dpkg -i ($what): $(tail -3 "$log")"
  dpkg -s stc-workbench | grep -q '^Status: install ok installed' || fail "not configured after dpkg -i ($what)"
  [ "$(readlink /usr/bin/stc)" = /opt/stc-workbench/bin/stc ] || fail "/usr/bin/stc missing ($what)"
  /usr/bin/stc --version | grep -Eq '^stc [0-9]' || fail "/usr/bin/stc --version ($what)"
  /usr/bin/stc compile --model fmnist-spikformer-tiny --target loihi2 --layers 0 --no-store > "target/installer/smoke-$slug.txt" \
      || fail "smoke compile from /usr/bin/stc ($what)"
  [ -e /usr/share/applications/stc-workbench-stc-workbench.desktop ] || fail "no desktop entry in /usr/share/applications ($what)"
  if [ -d /etc/xdg/menus ] && [ -d /usr/share/desktop-directories ]; then
    grep -q 'no system menu directory' "$log" && fail "xdg-desktop-menu did not register the menu entry ($what)"
  fi
  dpkg --purge stc-workbench >> "$log" 2>&1 || fail "dpkg --purge ($what): $(tail -3 "$log")"
  dpkg -s stc-workbench > /dev/null 2>&1 && fail "still known to dpkg after purge ($what)"
  left=$(installed_files)
  [ -z "$left" ] || fail "left behind after purge ($what): $left"
  echo "installed, ran and purged cleanly ($what): $(grep -h 'stc-workbench:' "$log" || echo 'menu registered')"
}

dpkg -s stc-workbench > /dev/null 2>&1 && fail "stc-workbench is already installed here; remove it first"
install_and_purge "as this machine is"
if [ -d /etc/xdg/menus ] && [ -d /usr/share/desktop-directories ]; then
  # the other case: hide the system menu directory for one install
  mv /etc/xdg/menus /etc/xdg/menus.stc-test
  trap 'mv /etc/xdg/menus.stc-test /etc/xdg/menus' EXIT
  install_and_purge "without a system menu directory"
else
  # the other case: a desktop's menu directories (xdg-desktop-menu needs both), made for one install
  made=$(for d in /etc/xdg/menus /usr/share/desktop-directories; do [ -d "$d" ] || { mkdir -p "$d"; echo "$d"; }; done)
  trap 'rm -rf $made' EXIT
  install_and_purge "with a system menu directory"
fi

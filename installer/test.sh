#!/usr/bin/env bash
# Installs the .deb into a scratch root (dpkg-deb -x, no system change) and checks what a user gets:
# the `stc` launcher answers --version with the version and source commit and compiles the shipped model,
# the workbench launcher and its menu entry and icon are there, and the package links /usr/bin/stc.
#
#   installer/test.sh            (builds with installer/build.sh first when there is no .deb)
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
grep -q 'xdg-desktop-menu install /opt/stc-workbench/lib/stc-workbench-stc-workbench.desktop' target/installer/control/postinst \
    || fail "postinst does not install the menu entry"
grep -q 'ln -sf /opt/stc-workbench/bin/stc /usr/bin/stc' target/installer/control/postinst || fail "postinst does not link stc"
echo "installer test passed: $version; $(du -sh "$deb" | cut -f1) .deb; smoke compile: $(grep -m1 'cores' target/installer/smoke.txt | tr -s ' ')"

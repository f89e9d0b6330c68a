#!/usr/bin/env bash
# Builds the installable workbench with the JDK's jpackage:
#   target/installer/stc-workbench/          application image (bin/stc-workbench opens the window, bin/stc is the CLI)
#   target/installer/stc-workbench_*.deb     Debian package: /opt/stc-workbench, a menu entry with the icon, /usr/bin/stc
#
#   installer/build.sh [app-image|deb|all]        (default: all)
#
# Needs a JDK 17 with jmods (Debian: openjdk-17-jdk-headless); the .deb also needs fakeroot and dpkg-deb.
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}
[ -f target/stc.jar ] || ./mvnw -B -q -DskipTests package
out=target/installer
input=$out/input
rm -rf "$out"
mkdir -p "$input"
cp target/stc.jar "$input/"

# jpackage wants a numeric version: 0.1.0-SNAPSHOT ships as 0.1.0 (the jar and `stc --version` keep the full one).
version=$(java -jar target/stc.jar --version | sed -E 's/^stc ([0-9]+(\.[0-9]+)*).*/\1/')
# The runtime holds what the jar uses (jdeps) plus what only reflection and services reach.
modules=$(jdeps --multi-release 17 --ignore-missing-deps --print-module-deps target/stc.jar)
modules="$modules,java.desktop,jdk.localedata,jdk.crypto.ec,jdk.zipfs,jdk.charsets"

common=(--name stc-workbench --app-version "$version" --vendor "Spike-Transformer-Compiler"
        --description "Compile spiking transformers onto Loihi-class chips and see cores, energy, latency and accuracy (simulated)"
        --icon assets/icon/stc.png --input "$input" --main-jar stc.jar --main-class org.spiketc.app.Launcher
        --arguments gui --add-launcher stc=installer/linux/stc.properties --dest "$out")

jlink=(--add-modules "$modules" --jlink-options "--strip-debug --no-header-files --no-man-pages")
if [ "$what" = app-image ] || [ "$what" = all ]; then
  jpackage --type app-image "${common[@]}" "${jlink[@]}"
  echo "app image: $out/stc-workbench (bin/stc-workbench opens the workbench, bin/stc is the command line)"
fi
if [ "$what" = deb ] || [ "$what" = all ]; then
  # From the jar, not the image: only then do the launchers' own settings (no menu entry for stc) reach the package.
  jpackage --type deb "${common[@]}" "${jlink[@]}" --linux-shortcut --linux-menu-group "Science;Education;Development" \
      --linux-app-category science --linux-package-deps libgtk-3-0 --resource-dir installer/linux
  ls -la "$out"/*.deb
fi

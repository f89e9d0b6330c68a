#!/usr/bin/env bash
# Screenshots of the real workbench window under Xvfb, for the README and the user guide.
# Needs: apt-get install -y xvfb imagemagick x11-apps xdotool
#
#   src/bench/screenshots.sh [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-src/site/resources/images}
mkdir -p "$out"
[ -f target/stc.jar ] || ./mvnw -B -q -DskipTests package
db="jdbc:h2:file:$(pwd)/target/screenshot-db/results;AUTO_SERVER=TRUE"
rm -rf target/screenshot-db
java -jar target/stc.jar compile --model fmnist-spikformer-tiny --layers 0 --db "$db" > /dev/null
java -jar target/stc.jar run --model fmnist-spikformer-tiny --samples 200 --db "$db" > /dev/null 2>&1
Xvfb :98 -screen 0 1280x800x24 > /dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
export DISPLAY=:98
home=$(mktemp -d) # fresh preferences: the default window layout
java -Duser.home="$home" -Dprism.order=sw -jar target/stc.jar gui --db "$db" > /dev/null 2>&1 &
app=$!
for _ in $(seq 1 60); do sleep 1; xwininfo -root -tree 2>/dev/null | grep -q "Workbench" && break; done
sleep 2
win=$(xdotool search --name "Workbench" | head -1)
xdotool windowmove "$win" 0 0
sleep 1
shot() { import -window root -crop 1100x720+0+0 +repage "$out/$1.png"; }
shot workbench-setup
tab() { # the tab headers sit at the window's top left: Setup, Live, Runs
  xdotool mousemove --window "$win" "$1" 12 click 1; sleep 1
}
xdotool mousemove --window "$win" 150 219 click 1 # Run inference
sleep 8
tab 75
shot workbench-live
tab 118
xdotool mousemove --window "$win" 300 110 click 1
sleep 1
shot workbench-runs
kill $app
echo "wrote $out/workbench-{setup,live,runs}.png"

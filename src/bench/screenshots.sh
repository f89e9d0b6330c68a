#!/usr/bin/env bash
# Screenshots of the real workbench window under Xvfb, one per main view, for the README and the user guide.
# Needs: apt-get install -y xvfb imagemagick x11-apps xdotool
#
#   src/bench/screenshots.sh [OUT_DIR]
#
# Drives the window with its keyboard shortcuts (F1..F5 views, Alt mnemonics) and a few clicks at the
# default 1280x800 layout; look at the images after a layout change.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-src/site/resources/images}
mkdir -p "$out"
[ -f target/stc.jar ] || ./mvnw -B -q -DskipTests package
db="jdbc:h2:file:$(pwd)/target/screenshot-db/results;AUTO_SERVER=TRUE"
rm -rf target/screenshot-db
java -jar target/stc.jar compile --model fmnist-spikformer-tiny --layers 0 --db "$db" > /dev/null
Xvfb :98 -screen 0 1280x800x24 > /dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
export DISPLAY=:98
home=$(mktemp -d) # fresh preferences: the default window layout
java -Duser.home="$home" -Dprism.order=sw -jar target/stc.jar gui --db "$db" > /dev/null 2>&1 &
app=$!
for _ in $(seq 1 60); do sleep 1; xwininfo -root -tree 2>/dev/null | grep -q "Workbench" && break; done
sleep 3
win=$(xdotool search --name "Workbench" | head -1)
xdotool windowmove "$win" 0 0
sleep 1
shot() { import -window root -crop 1280x800+0+0 +repage "$out/workbench-$1.png"; }
click() { xdotool mousemove --window "$win" "$1" "$2" click 1; sleep "${3:-1}"; }

shot welcome          # the first start opens on Welcome
xdotool key F2
sleep 1
xdotool key alt+s     # sweep weight bits: six inference runs into the queue
sleep 2
shot setup            # the form, the hardware figures with their sources, the queue under way
sleep 14              # the sweep ends
xdotool key alt+r     # one more inference run, watched live
sleep 1
xdotool key F3
sleep 4
shot live
xdotool key F4
sleep 1
click 200 139 0.3                                  # the newest run ...
xdotool keydown shift; click 200 187 0.3; xdotool keyup shift   # ... and two older ones
xdotool key alt+m                                  # compare
sleep 2
shot compare
click 200 235 0.3                                  # one run: the view then shows every inference run
click 426 81 2                                     # accuracy against energy
shot pareto
rows=$(java -jar target/stc.jar runs list --db "$db" | wc -l)
click 200 $((139 + 24 * (rows - 1))) 1             # the compile run (the oldest)
xdotool key F5
sleep 2
click 80 527 1                                     # drill down: the layers quantize-weights changed
shot hotspots
click 160 81 1                                     # its core map
shot coremap
kill $app
echo "wrote $out/workbench-{welcome,setup,live,compare,pareto,hotspots,coremap}.png"

#!/usr/bin/env bash
# The workbench's responsiveness during a long live inference run, in the real window under Xvfb:
# JavaFX pulse gaps, chart refresh rate, heap after GC per thousand inferences (see workbench.md).
# Needs: apt-get install -y xvfb
#
#   src/bench/gui-responsiveness.sh [IMAGES] [OUT.json]
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-10000}
out=${2:-target/gui-responsiveness.json}
[ -f target/stc.jar ] || ./mvnw -B -q -DskipTests package
Xvfb :99 -screen 0 1280x800x24 > /dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
sleep 1
db="jdbc:h2:file:$(pwd)/target/responsiveness-db/results"
rm -rf target/responsiveness-db
DISPLAY=:99 java -Duser.home="$(mktemp -d)" -Dprism.order=sw -jar target/stc.jar gui --db "$db" \
    --measure-responsiveness "$n" --json "$out"
cat "$out"

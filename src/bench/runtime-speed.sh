#!/usr/bin/env bash
# Host speed of the Java engines against the PyTorch CPU baseline, side by side, for the shipped
# fmnist-spikformer-tiny (same weights): per-inference wall time with 2 threads at batch 1 and 64.
# PyTorch batches; the Java engines run samples in parallel on both cores, so their time per
# inference does not depend on the batch. Both sides warm up untimed first (PyTorch 4 batches,
# Java 1000 samples, until the JIT has compiled the hot loops). Needs Debian's python3-torch and dataset-fashion-mnist.
#
#   src/bench/runtime-speed.sh [SAMPLES] [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-1024}
out=${2:-target/bench}
mkdir -p "$out"
[ -f target/stc.jar ] || ./mvnw -B -q -DskipTests package
w=assets/models/fmnist-spikformer-tiny.safetensors
py() { /usr/bin/python3 src/main/python/spikformer_tool.py bench "$w" --threads 2 "$@"; }
py --batch 1 --samples "$n" > "$out/pytorch_batch1.json"
py --batch 64 --samples "$n" > "$out/pytorch_batch64.json"
for e in reference emulator; do
  java -jar target/stc.jar run --model fmnist-spikformer-tiny --engine $e --dataset fmnist:/usr/share/datasets/fashion-mnist \
    --samples "$n" --warmup 1000 --threads 2 --json "$out/java_$e.json" > /dev/null 2>&1
done
get() { grep -o "\"$2\" *: *[0-9.eE+-]*" "$1" | head -1 | grep -o '[0-9.eE+-]*$'; }
p1=$(get "$out/pytorch_batch1.json" host_time_per_inference_ms)
p64=$(get "$out/pytorch_batch64.json" host_time_per_inference_ms)
printf '%-28s %12s %14s %14s\n' engine "ms/inference" "vs torch b=1" "vs torch b=64"
printf '%-28s %12.3f %14s %14s\n' "pytorch cpu batch 1" "$p1" 1.00 -
printf '%-28s %12.3f %14s %14s\n' "pytorch cpu batch 64" "$p64" - 1.00
for e in reference emulator; do
  tput=$(get "$out/java_$e.json" host_throughput_images_per_s)
  per=$(awk -v t="$tput" 'BEGIN { print 1000 / t }')
  ev=$(get "$out/java_$e.json" sim_events_per_s)
  printf '%-28s %12.3f %14.2f %14.2f   (%s synaptic events/s)\n' "java $e (2 threads)" "$per" \
    "$(awk -v a="$p1" -v b="$per" 'BEGIN { print a / b }')" "$(awk -v a="$p64" -v b="$per" 'BEGIN { print a / b }')" "$ev"
done

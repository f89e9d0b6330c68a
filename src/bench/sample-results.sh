#!/usr/bin/env bash
# Regenerates sample-results/: real results of this version in the seed's JSON shape, committed as the
# baseline that regression checks (stc runs compare) and readers start from.
#
#   src/bench/sample-results.sh [--allow-dirty] [all|compile|runtime|bench]
#
# compile: full compile reports and the compilation-speed runs of the ImageNet Spikformers (minutes);
# runtime: the shipped model on the full Fashion-MNIST test set with both engines, and the host speed
# of both engines against PyTorch (needs Debian's python3-torch and dataset-fashion-mnist);
# bench: the benchmark suite at smoke and at full scale (about 15 minutes), one file per category.
#
# Results must name the commit they came from: the script refuses a tree with uncommitted or untracked
# changes (their source_commit would end in -dirty) unless run with --allow-dirty.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [[ ${1:-} == --allow-dirty ]]; then
  shift
elif [[ -n "$(git status --porcelain)" ]]; then
  echo "sample-results.sh: the tree has uncommitted changes; commit them first (or pass --allow-dirty)" >&2
  git status --short | head -10 >&2
  exit 1
fi
part=${1:-all}
out=sample-results
./mvnw -B -q -DskipTests package
stc() { java -jar target/stc.jar "$@"; }
if [[ $part == all || $part == compile ]]; then
  stc compile --model spikformer-8-768 --target loihi2 -O2 --bits 8 --layers 0 --no-store \
    --json "$out/compile_spikformer-8-768_loihi2_O2.json" > /dev/null
  stc compile --model spikformer-4-384-cifar --target loihi1 -O2 --layers 0 --no-store \
    --json "$out/compile_spikformer-4-384-cifar_loihi1_O2.json" > /dev/null
  # a missed target is a result to record, not a reason to stop
  src/bench/compile-speed.sh 5 target/bench-compile || echo "compile-speed.sh: a target was missed; recorded as measured"
  for m in spikformer-8-384 spikformer-8-512 spikformer-8-768; do
    cp "target/bench-compile/compilation_speed_$m.json" "$out/"
  done
fi
if [[ $part == all || $part == runtime ]]; then
  stc run --model fmnist-spikformer-tiny --engine both --dataset fmnist:/usr/share/datasets/fashion-mnist --warmup 1000 \
    --no-store --json "$out/inference_fmnist-spikformer-tiny_both_loihi2_O2.json" > /dev/null 2>&1
  src/bench/runtime-speed.sh 1024 target/bench-runtime 3
  cp target/bench-runtime/runtime_speed_fmnist-spikformer-tiny.json "$out/"
  cp target/bench-runtime/java_emulator_threads2_round1.json "$out/inference_fmnist-spikformer-tiny_emulator_loihi2_1024.json"
  cp target/bench-runtime/java_reference_threads2_round1.json "$out/inference_fmnist-spikformer-tiny_reference_1024.json"
  cp target/bench-runtime/pytorch_batch1_threads1_round1.json "$out/pytorch_cpu_baseline_fmnist-spikformer-tiny_batch1.json"
  cp target/bench-runtime/pytorch_batch64_threads2_round1.json "$out/pytorch_cpu_baseline_fmnist-spikformer-tiny_batch64.json"
fi
if [[ $part == all || $part == bench ]]; then
  stc bench --scale smoke --no-store --json "$out/"
  java -Xmx3g -jar target/stc.jar bench --scale full --no-store --json "$out/"
fi
echo "sample-results/ regenerated ($part)"

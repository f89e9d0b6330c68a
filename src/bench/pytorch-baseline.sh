#!/usr/bin/env bash
# The PyTorch baseline of the seed document on whatever this machine has: CUDA when present, else CPU.
# Runs the shipped model (same weights) on the committed 2,000-image test subset at batch 1 and 64 and
# writes seed-format JSON, which `stc runs import` stores next to the Java engines' results.
#
#   src/bench/pytorch-baseline.sh [OUT_DIR] [PYTHON]
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-target/bench}
py=${2:-/usr/bin/python3}
mkdir -p "$out"
"$py" -c "import torch, numpy; print('torch', torch.__version__, 'cuda', torch.cuda.is_available())"
for b in 1 64; do
  "$py" src/main/python/spikformer_tool.py bench assets/models/fmnist-spikformer-tiny.safetensors \
    --data assets/data/fashion-mnist --samples 2000 --batch "$b" --device auto --threads "$(nproc)" > "$out/pytorch_baseline_batch$b.json"
  grep -E '"test_name"|"hardware"|host_time_per_inference_ms|"accuracy"' "$out/pytorch_baseline_batch$b.json"
done

#!/usr/bin/env bash
# Host speed of the Java engines against the PyTorch CPU baseline, side by side, for the shipped
# fmnist-spikformer-tiny (same weights): per-inference wall time with 2 threads at batch 1 and 64.
# PyTorch batches; the Java engines run samples in parallel on both cores, so their time per
# inference does not depend on the batch. Both sides warm up untimed first (PyTorch 4 batches,
# Java 1000 samples, until the JIT has compiled the hot loops). The four measurements run
# interleaved for ROUNDS rounds, so that a slow spell of a shared machine hits all of them; the
# table gives each engine's median and the median of the per-round ratios.
# Needs Debian's python3-torch and dataset-fashion-mnist.
#
#   src/bench/runtime-speed.sh [SAMPLES] [OUT_DIR] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-1024}
out=${2:-target/bench}
rounds=${3:-3}
mkdir -p "$out"
[ -f target/stc.jar ] || ./mvnw -B -q -DskipTests package
w=assets/models/fmnist-spikformer-tiny.safetensors
data=/usr/share/datasets/fashion-mnist
for r in $(seq 1 "$rounds"); do
  for b in 1 64; do
    /usr/bin/python3 src/main/python/spikformer_tool.py bench "$w" --threads 2 --batch "$b" --samples "$n" \
      > "$out/pytorch_batch${b}_round$r.json"
  done
  for e in reference emulator; do
    java -jar target/stc.jar run --model fmnist-spikformer-tiny --engine $e --dataset "fmnist:$data" \
      --samples "$n" --warmup 1000 --threads 2 --no-store --json "$out/java_${e}_round$r.json" > /dev/null 2>&1
  done
done
/usr/bin/python3 - "$out" "$rounds" <<'EOF'
import json, statistics, sys
out, rounds = sys.argv[1], int(sys.argv[2])
def ms(name, r):
    m = json.load(open(f"{out}/{name}_round{r}.json"))["metrics"]
    return m["host_time_per_inference_ms"] if name.startswith("pytorch") else 1000 / m["host_throughput_images_per_s"]
rows = {"pytorch cpu batch 1": "pytorch_batch1", "pytorch cpu batch 64": "pytorch_batch64",
        "java reference (2 threads)": "java_reference", "java emulator (2 threads)": "java_emulator"}
t = {k: [ms(v, r) for r in range(1, rounds + 1)] for k, v in rows.items()}
b1, b64 = t["pytorch cpu batch 1"], t["pytorch cpu batch 64"]
print(f"{'engine':28s} {'ms/inference (median, min-max)':>32s} {'x torch b=1':>12s} {'x torch b=64':>13s}")
for k, v in t.items():
    r1 = statistics.median(a / x for a, x in zip(b1, v))
    r64 = statistics.median(a / x for a, x in zip(b64, v))
    print(f"{k:28s} {statistics.median(v):14.3f} ({min(v):6.3f}-{max(v):6.3f}) {r1:12.2f} {r64:13.2f}")
first = json.load(open(f"{out}/java_emulator_round1.json"))
print(f"{rounds} rounds of {first['metrics'].get('samples', 'N')} samples;"
      " 'x torch' = PyTorch time / engine time, median over rounds")
# The same as a seed-format result, with every round's time as raw samples (for stc runs compare).
keys = {"pytorch cpu batch 1": "pytorch_batch1", "pytorch cpu batch 64": "pytorch_batch64",
        "java reference (2 threads)": "reference", "java emulator (2 threads)": "emulator"}
metrics, samples = {}, {}
for k, v in t.items():
    metrics[f"{keys[k]}_ms_per_inference"] = statistics.median(v)
    samples[f"{keys[k]}_ms_per_inference"] = v
for e in ("reference", "emulator"):
    v = t[f"java {e} (2 threads)"]
    metrics[f"{e}_speedup_vs_pytorch_batch1"] = statistics.median(a / x for a, x in zip(b1, v))
    metrics[f"{e}_speedup_vs_pytorch_batch64"] = statistics.median(a / x for a, x in zip(b64, v))
metrics["emulator_sim_events_per_s"] = statistics.median(
    json.load(open(f"{out}/java_emulator_round{r}.json"))["metrics"]["sim_events_per_s"] for r in range(1, rounds + 1))
summary = {"test_name": "runtime_speed_fmnist-spikformer-tiny", "timestamp": first["timestamp"], "schema_version": 1,
           "metrics": metrics, "samples": samples,
           "environment": {"hardware": "host CPU, 2 threads", "software_version": first["environment"]["software_version"],
                           "model": "fmnist-spikformer-tiny", "host": first["environment"]["host"],
                           "baseline": json.load(open(f"{out}/pytorch_batch1_round1.json"))["environment"]["hardware"]}}
json.dump(summary, open(f"{out}/runtime_speed_fmnist-spikformer-tiny.json", "w"), indent=2)
print(f"wrote {out}/runtime_speed_fmnist-spikformer-tiny.json")
EOF

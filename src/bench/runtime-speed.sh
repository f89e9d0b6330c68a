#!/usr/bin/env bash
# Host speed of the Java engines against the PyTorch CPU baseline, side by side, for the shipped
# fmnist-spikformer-tiny (same weights), compared like with like:
#   throughput (both cores busy): PyTorch batch 64 with 2 intra-op threads against the Java engines
#     running two samples at a time, one per thread (--threads 2);
#   latency (one sample at a time, one core): PyTorch batch 1 with 1 thread against the Java engines
#     with --threads 1.
# PyTorch batch 1 with 2 intra-op threads (one sample, both cores) is measured too and shown apart: the
# Java engines do not split one sample over threads, so it has no like-for-like Java row.
# Both sides warm up untimed first (PyTorch 4 batches, Java 1000 samples, until the JIT has compiled the
# hot loops). The measurements run interleaved for ROUNDS rounds, so that a slow spell of a shared
# machine hits all of them; the table gives each median and the median of the per-round ratios.
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
  for cfg in "64 2" "1 1" "1 2"; do
    set -- $cfg
    /usr/bin/python3 src/main/python/spikformer_tool.py bench "$w" --threads "$2" --batch "$1" --samples "$n" \
      > "$out/pytorch_batch$1_threads$2_round$r.json"
  done
  for e in reference emulator; do
    for th in 2 1; do
      java -jar target/stc.jar run --model fmnist-spikformer-tiny --engine $e --dataset "fmnist:$data" \
        --samples "$n" --warmup 1000 --threads $th --no-store --json "$out/java_${e}_threads${th}_round$r.json" > /dev/null 2>&1
    done
  done
done
/usr/bin/python3 - "$out" "$rounds" <<'PY'
import json, statistics, sys
out, rounds = sys.argv[1], int(sys.argv[2])
def ms(name, r):
    m = json.load(open(f"{out}/{name}_round{r}.json"))["metrics"]
    return m["host_time_per_inference_ms"] if name.startswith("pytorch") else 1000 / m["host_throughput_images_per_s"]
# (regime, what runs in parallel, file stem, metric key)
rows = [
    ("throughput", "PyTorch 1.13, batch 64, 2 intra-op threads", "pytorch_batch64_threads2", "pytorch_batch64"),
    ("throughput", "reference simulator, 2 samples at a time (1 thread each)", "java_reference_threads2", "reference_throughput"),
    ("throughput", "chip emulator, 2 samples at a time (1 thread each)", "java_emulator_threads2", "emulator_throughput"),
    ("latency", "PyTorch 1.13, batch 1, 1 thread", "pytorch_batch1_threads1", "pytorch_batch1_1thread"),
    ("latency", "reference simulator, 1 sample, 1 thread", "java_reference_threads1", "reference_latency"),
    ("latency", "chip emulator, 1 sample, 1 thread", "java_emulator_threads1", "emulator_latency"),
    ("(no Java peer)", "PyTorch 1.13, batch 1, 2 intra-op threads", "pytorch_batch1_threads2", "pytorch_batch1_2threads"),
]
t = {stem: [ms(stem, r) for r in range(1, rounds + 1)] for _, _, stem, _ in rows}
peer = {"throughput": "pytorch_batch64_threads2", "latency": "pytorch_batch1_threads1"}
print(f"{'regime':15s} {'what runs':58s} {'ms/inference (median, min-max)':>32s} {'PyTorch / engine':>17s}")
metrics, samples = {}, {}
for regime, what, stem, key in rows:
    v = t[stem]
    ratio = ""
    if regime in peer and not stem.startswith("pytorch"):
        r = statistics.median(a / x for a, x in zip(t[peer[regime]], v))
        ratio = f"{r:.2f}"
        metrics[f"{key}_speedup_vs_pytorch_same_regime"] = r
    print(f"{regime:15s} {what:58s} {statistics.median(v):14.3f} ({min(v):6.3f}-{max(v):6.3f}) {ratio:>17s}")
    metrics[f"{key}_ms_per_inference"] = statistics.median(v)
    samples[f"{key}_ms_per_inference"] = v
first = json.load(open(f"{out}/java_emulator_threads2_round1.json"))
print(f"{rounds} rounds of {first['metrics'].get('samples', 'N')} samples; ratio = PyTorch time / engine time in the same"
      " regime, median over rounds")
metrics["emulator_sim_events_per_s"] = statistics.median(
    json.load(open(f"{out}/java_emulator_threads2_round{r}.json"))["metrics"]["sim_events_per_s"] for r in range(1, rounds + 1))
def info(key):
    if key.endswith("_ms_per_inference"):
        return {"unit": "ms", "better": "lower", "role": "measured"}
    if key.endswith("_speedup_vs_pytorch_same_regime"):
        return {"unit": "none", "better": "higher", "role": "measured"}
    return {"unit": "per_s", "better": "higher", "role": "measured"}
summary = {"test_name": "runtime_speed_fmnist-spikformer-tiny", "timestamp": first["timestamp"], "schema_version": 2,
           "kind": "benchmark",
           "configuration": {"benchmark": "runtime-speed.sh", "model": "fmnist-spikformer-tiny",
                             "samples": first["metrics"].get("samples"), "rounds": rounds, "java_warmup_samples": 1000,
                             "pytorch_warmup_batches": 4},
           "metrics": metrics, "metric_info": {k: info(k) for k in metrics}, "samples": samples,
           "environment": {"hardware": "host CPU, 2 cores", "software_version": first["environment"]["software_version"],
                           "source_commit": first["environment"].get("source_commit"),
                           "model": "fmnist-spikformer-tiny", "host": first["environment"]["host"],
                           "baseline": json.load(open(f"{out}/pytorch_batch1_threads1_round1.json"))["environment"]["hardware"]}}
json.dump(summary, open(f"{out}/runtime_speed_fmnist-spikformer-tiny.json", "w"), indent=2)
print(f"wrote {out}/runtime_speed_fmnist-spikformer-tiny.json")
PY

#!/usr/bin/python3
"""Train, export and convert Spikformer models for the Spike-Transformer-Compiler.

Run with Debian's interpreter (/usr/bin/python3) and packages python3-torch, python3-numpy and
dataset-fashion-mnist. Subcommands:

  train    train fmnist-spikformer-tiny on Fashion-MNIST and save a PyTorch checkpoint
  export   from a checkpoint: weights (safetensors), config JSON, golden outputs, test-set subset (IDX)
  bench    PyTorch CPU inference time of a checkpoint (the baseline the Java engines are compared with)
  convert  any PyTorch Spikformer checkpoint (official key names) to safetensors

The model mirrors the official CIFAR code of ZK-Zhou/spikformer (cifar10/model.py): module names and
state-dict keys are the same (SPS proj_conv..proj_conv3, rpe_conv, block.i.attn.q_linear, ...,
block.i.mlp.fc1_linear, head), including the unused norm1/norm2 LayerNorms, so the Java importer that
reads this model reads official checkpoints too. Neurons follow SpikingJelly's MultiStepLIFNode
(tau=2, decay_input, hard reset to 0, fire on v >= threshold, detach_reset, sigmoid surrogate alpha=4).
"""
import argparse
import gzip
import json
import math
import os
import struct
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

DATA_DIR = "/usr/share/datasets/fashion-mnist"


# --------------------------------------------------------------------------------------------- data
def read_idx(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        data = f.read()
    magic, = struct.unpack(">I", data[:4])
    if magic == 0x0803:
        n, rows, cols = struct.unpack(">III", data[4:16])
        return np.frombuffer(data, dtype=np.uint8, offset=16).reshape(n, rows, cols)
    if magic == 0x0801:
        n, = struct.unpack(">I", data[4:8])
        return np.frombuffer(data, dtype=np.uint8, offset=8)
    raise ValueError(f"{path}: not an IDX image or label file (magic {magic:#x})")


def write_idx(path, array):
    with gzip.GzipFile(path, "wb", mtime=0) as f:
        if array.ndim == 3:
            f.write(struct.pack(">IIII", 0x0803, *array.shape))
        else:
            f.write(struct.pack(">II", 0x0801, array.shape[0]))
        f.write(np.ascontiguousarray(array, dtype=np.uint8).tobytes())


def load_split(data_dir, split):
    """A split from Debian's files, or the test subset committed under assets/ when the folder holds that."""
    prefix = "train" if split == "train" else "t10k"
    kind = "" if os.path.exists(os.path.join(data_dir, f"{prefix}-images-idx3-ubyte.gz")) else "-subset"
    images = read_idx(os.path.join(data_dir, f"{prefix}-images{kind}-idx3-ubyte.gz"))
    labels = read_idx(os.path.join(data_dir, f"{prefix}-labels{kind}-idx1-ubyte.gz"))
    return images, labels


def to_input(images):
    """uint8 [B, 28, 28] -> float32 [B, 1, 28, 28] in [0, 1] (the Java loader does the same)."""
    return torch.from_numpy(images.astype(np.float32) / 255.0).unsqueeze(1)


# -------------------------------------------------------------------------------------------- model
class SigmoidSurrogate(torch.autograd.Function):
    """Heaviside forward (fire on x >= 0), derivative of sigmoid(alpha x) backward (SpikingJelly Sigmoid, alpha 4)."""

    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return (x >= 0).to(x.dtype)

    @staticmethod
    def backward(ctx, grad):
        x, = ctx.saved_tensors
        s = torch.sigmoid(4.0 * x)
        return grad * 4.0 * s * (1 - s)


EXPORTING = False  # ONNX export traces plain operators; training needs the surrogate gradient


def heaviside(x):
    return (x >= 0).to(x.dtype) if EXPORTING else SigmoidSurrogate.apply(x)


class MultiStepLIF(nn.Module):
    """SpikingJelly MultiStepLIFNode(tau=2, decay_input=True, v_reset=0, detach_reset=True) on [T, ...]."""

    def __init__(self, tau=2.0, v_threshold=1.0):
        super().__init__()
        self.tau = tau
        self.v_threshold = v_threshold
        self.record = None  # when a list, forward appends (name, spikes) for golden outputs

    def forward(self, x):
        v = torch.zeros_like(x[0])
        out = []
        for xt in x.unbind(0):  # unbind, not x[t]: indexing makes backward zero-fill the whole tensor each step
            h = v + (xt - v) / self.tau
            s = heaviside(h - self.v_threshold)
            v = h * (1.0 - s.detach())
            out.append(s)
        return torch.stack(out)


class MLP(nn.Module):
    def __init__(self, dim, hidden):
        super().__init__()
        self.fc1_linear = nn.Linear(dim, hidden)
        self.fc1_bn = nn.BatchNorm1d(hidden)
        self.fc1_lif = MultiStepLIF()
        self.fc2_linear = nn.Linear(hidden, dim)
        self.fc2_bn = nn.BatchNorm1d(dim)
        self.fc2_lif = MultiStepLIF()
        self.c_hidden = hidden

    def forward(self, x):
        T, B, N, C = x.shape
        x = self.fc1_linear(x.flatten(0, 1))
        x = self.fc1_bn(x.transpose(-1, -2)).transpose(-1, -2).reshape(T, B, N, self.c_hidden)
        x = self.fc1_lif(x)
        x = self.fc2_linear(x.flatten(0, 1))
        x = self.fc2_bn(x.transpose(-1, -2)).transpose(-1, -2).reshape(T, B, N, C)
        return self.fc2_lif(x)


class SSA(nn.Module):
    def __init__(self, dim, heads):
        super().__init__()
        self.heads = heads
        self.scale = 0.125
        for p in ("q", "k", "v"):
            setattr(self, f"{p}_linear", nn.Linear(dim, dim))
            setattr(self, f"{p}_bn", nn.BatchNorm1d(dim))
            setattr(self, f"{p}_lif", MultiStepLIF())
        self.attn_lif = MultiStepLIF(v_threshold=0.5)
        self.proj_linear = nn.Linear(dim, dim)
        self.proj_bn = nn.BatchNorm1d(dim)
        self.proj_lif = MultiStepLIF()

    def branch(self, p, x):
        T, B, N, C = x.shape
        y = getattr(self, f"{p}_linear")(x.flatten(0, 1))
        y = getattr(self, f"{p}_bn")(y.transpose(-1, -2)).transpose(-1, -2).reshape(T, B, N, C)
        y = getattr(self, f"{p}_lif")(y)
        return y.reshape(T, B, N, self.heads, C // self.heads).permute(0, 1, 3, 2, 4)

    def forward(self, x):
        T, B, N, C = x.shape
        q, k, v = self.branch("q", x), self.branch("k", x), self.branch("v", x)
        attn = (q @ k.transpose(-2, -1)) * self.scale
        x = (attn @ v).transpose(2, 3).reshape(T, B, N, C)
        x = self.attn_lif(x)
        x = self.proj_linear(x.flatten(0, 1))
        x = self.proj_bn(x.transpose(-1, -2)).transpose(-1, -2).reshape(T, B, N, C)
        return self.proj_lif(x)


class Block(nn.Module):
    def __init__(self, dim, heads, mlp_ratio):
        super().__init__()
        self.norm1 = nn.LayerNorm(dim)  # present in the official state dict, unused in forward
        self.attn = SSA(dim, heads)
        self.norm2 = nn.LayerNorm(dim)
        self.mlp = MLP(dim, dim * mlp_ratio)

    def forward(self, x):
        x = x + self.attn(x)
        return x + self.mlp(x)


class SPS(nn.Module):
    """Spiking patch splitting, official CIFAR layout: max-pool after the third and fourth blocks."""

    def __init__(self, in_channels, dim):
        super().__init__()
        chans = [in_channels, dim // 8, dim // 4, dim // 2, dim]
        suffix = ["", "1", "2", "3"]
        for i, s in enumerate(suffix):
            setattr(self, f"proj_conv{s}", nn.Conv2d(chans[i], chans[i + 1], 3, 1, 1, bias=False))
            setattr(self, f"proj_bn{s}", nn.BatchNorm2d(chans[i + 1]))
            setattr(self, f"proj_lif{s}", MultiStepLIF())
        self.maxpool2 = nn.MaxPool2d(3, 2, 1)
        self.maxpool3 = nn.MaxPool2d(3, 2, 1)
        self.rpe_conv = nn.Conv2d(dim, dim, 3, 1, 1, bias=False)
        self.rpe_bn = nn.BatchNorm2d(dim)
        self.rpe_lif = MultiStepLIF()

    def stage(self, s, x):
        T, B = x.shape[:2]
        y = getattr(self, f"proj_conv{s}")(x.flatten(0, 1))
        y = getattr(self, f"proj_bn{s}")(y)
        return getattr(self, f"proj_lif{s}")(y.reshape(T, B, *y.shape[1:]))

    def forward(self, x):
        T, B = x.shape[:2]
        x = self.stage("", x)
        x = self.stage("1", x)
        x = self.stage("2", x)
        x = self.maxpool2(x.flatten(0, 1))
        x = self.stage("3", x.reshape(T, B, *x.shape[1:]))
        x = self.maxpool3(x.flatten(0, 1))
        feat = x.reshape(T, B, *x.shape[1:])
        y = self.rpe_bn(self.rpe_conv(x))
        y = self.rpe_lif(y.reshape(T, B, *y.shape[1:]))
        x = y + feat
        return x.flatten(-2).transpose(-1, -2)  # T, B, N, C


class Spikformer(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.T = cfg["timeSteps"]
        self.patch_embed = SPS(cfg["inChannels"], cfg["embedDim"])
        self.block = nn.ModuleList([Block(cfg["embedDim"], cfg["heads"], cfg.get("mlpRatio", 4)) for _ in range(cfg["depth"])])
        self.head = nn.Linear(cfg["embedDim"], cfg["numClasses"])

    def forward(self, x):
        x = x.unsqueeze(0).repeat(self.T, 1, 1, 1, 1)
        x = self.patch_embed(x)
        for blk in self.block:
            x = blk(x)
        return self.head(x.mean(2).mean(0))


def lif_modules(model):
    return [(name, m) for name, m in model.named_modules() if isinstance(m, MultiStepLIF)]


# ------------------------------------------------------------------------------------- safetensors
def write_safetensors(path, tensors):
    """8-byte little-endian header length, JSON header, raw little-endian F32 data (no package needed)."""
    header, offset, blobs = {}, 0, []
    for name in sorted(tensors):
        a = np.ascontiguousarray(tensors[name].detach().cpu().numpy().astype("<f4"))
        header[name] = {"dtype": "F32", "shape": list(a.shape), "data_offsets": [offset, offset + a.nbytes]}
        offset += a.nbytes
        blobs.append(a.tobytes())
    h = json.dumps(header, separators=(",", ":")).encode()
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h)))
        f.write(h)
        for b in blobs:
            f.write(b)


def read_safetensors(path):
    """F32 safetensors (as written by write_safetensors) to a dict of tensors."""
    with open(path, "rb") as f:
        n, = struct.unpack("<Q", f.read(8))
        header = json.loads(f.read(n))
        data = f.read()
    out = {}
    for name, meta in header.items():
        if name == "__metadata__":
            continue
        if meta["dtype"] != "F32":
            raise ValueError(f"{path}: {name} is {meta['dtype']}, only F32 is read here")
        b, e = meta["data_offsets"]
        out[name] = torch.from_numpy(np.frombuffer(data[b:e], dtype="<f4").reshape(meta["shape"]).copy())
    return out


def load_model(path, config=None):
    """A model from a training checkpoint (.pt) or from safetensors weights plus a config JSON."""
    if path.endswith(".safetensors"):
        cfg = json.load(open(config or path.replace(".safetensors", ".json")))
        model = Spikformer(cfg)
        result = model.load_state_dict(read_safetensors(path), strict=False)
        missing = [k for k in result.missing_keys if not k.endswith("num_batches_tracked")]  # integer buffers are not exported
        if missing or result.unexpected_keys:
            raise ValueError(f"{path} does not match the model: missing {missing}, unexpected {result.unexpected_keys}")
    else:
        ckpt = torch.load(path, map_location="cpu")
        cfg = ckpt["config"]
        model = Spikformer(cfg)
        model.load_state_dict(ckpt["state_dict"])
    model.eval()
    return model, cfg


def state_dict_of(checkpoint):
    sd = checkpoint
    for key in ("state_dict", "model", "state_dict_ema"):
        if isinstance(sd, dict) and key in sd and isinstance(sd[key], dict):
            sd = sd[key]
            break
    out = {}
    for k, v in sd.items():
        if torch.is_tensor(v) and v.is_floating_point():
            out[k[len("module."):] if k.startswith("module.") else k] = v.float()
    return out


# ------------------------------------------------------------------------------------------ commands
def evaluate(model, images, labels, batch=500):
    model.eval()
    correct = 0
    with torch.no_grad():
        for i in range(0, len(images), batch):
            logits = model(to_input(images[i:i + batch]))
            correct += (logits.argmax(1).numpy() == labels[i:i + batch]).sum()
    return correct / len(images)


def cmd_train(a):
    torch.manual_seed(a.seed)
    np.random.seed(a.seed)
    torch.set_num_threads(a.threads)
    cfg = json.load(open(a.config))
    model = Spikformer(cfg)
    tr_x, tr_y = load_split(a.data, "train")
    te_x, te_y = load_split(a.data, "test")
    steps = a.epochs * math.ceil(len(tr_x) / a.batch)
    opt = torch.optim.AdamW(model.parameters(), lr=a.lr, weight_decay=a.weight_decay)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=a.lr, total_steps=steps)
    log = []
    for epoch in range(a.epochs):
        model.train()
        perm = np.random.permutation(len(tr_x))
        t0, seen, loss_sum = time.time(), 0, 0.0
        for i in range(0, len(perm), a.batch):
            idx = perm[i:i + a.batch]
            x = to_input(tr_x[idx])
            flip = torch.rand(len(idx)) < 0.5
            x[flip] = x[flip].flip(-1)
            y = torch.from_numpy(tr_y[idx].astype(np.int64))
            loss = F.cross_entropy(model(x), y, label_smoothing=0.1)
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            seen += len(idx)
            loss_sum += loss.item() * len(idx)
        acc = evaluate(model, te_x, te_y)
        log.append({"epoch": epoch + 1, "loss": loss_sum / seen, "test_accuracy": float(acc), "seconds": time.time() - t0})
        print(json.dumps(log[-1]), flush=True)
        torch.save({"state_dict": model.state_dict(), "config": cfg, "log": log}, a.out)


def cmd_export(a):
    ckpt = torch.load(a.checkpoint, map_location="cpu")
    cfg = ckpt["config"]
    model = Spikformer(cfg)
    model.load_state_dict(ckpt["state_dict"])
    model.eval()
    os.makedirs(a.out, exist_ok=True)
    name = cfg["name"]
    write_safetensors(os.path.join(a.out, f"{name}.safetensors"), state_dict_of(ckpt["state_dict"]))
    json.dump(cfg, open(os.path.join(a.out, f"{name}.json"), "w"), indent=2)
    te_x, te_y = load_split(a.data, "test")
    write_idx(os.path.join(a.out, "t10k-images-subset-idx3-ubyte.gz"), te_x[:a.subset])
    write_idx(os.path.join(a.out, "t10k-labels-subset-idx1-ubyte.gz"), te_y[:a.subset])
    # Golden outputs: logits and spikes per LIF layer (summed over time steps) for the first images.
    counts = {}
    hooks = []
    for lname, m in lif_modules(model):
        hooks.append(m.register_forward_hook(
            lambda mod, inp, out, lname=lname: counts.setdefault(lname, []).append(out.sum(dim=tuple(range(2, out.dim()))).sum(0))))
    with torch.no_grad():
        logits = model(to_input(te_x[:a.golden]))
    for h in hooks:
        h.remove()
    acc = float(evaluate(model, te_x, te_y))
    golden = {
        "model": name,
        "source": "src/main/python/spikformer_tool.py export (PyTorch " + torch.__version__ + ", eval mode, float32)",
        "input": "first images of the Fashion-MNIST test set, pixels / 255, repeated over T",
        "test_accuracy_float": acc,
        "images": a.golden,
        "labels": te_y[:a.golden].tolist(),
        "logits": logits.tolist(),
        "spike_counts": {k: torch.cat(v).round().long().tolist() for k, v in counts.items()},
        "training_log": ckpt.get("log", []),
    }
    json.dump(golden, open(os.path.join(a.out, f"{name}.golden.json"), "w"), indent=1)
    print(json.dumps({"test_accuracy": acc, "golden_images": a.golden, "subset": a.subset}))


def cmd_bench(a):
    """PyTorch baseline (CUDA when present, else CPU): eval mode, no_grad, per-inference wall time at a batch size (seed JSON on stdout)."""
    torch.set_num_threads(a.threads)
    device = ("cuda" if torch.cuda.is_available() else "cpu") if a.device == "auto" else a.device
    model, cfg = load_model(a.checkpoint, a.config)
    model.to(device)
    te_x, te_y = load_split(a.data, "test")
    x = to_input(te_x[:a.samples]).to(device)

    def sync():
        if device == "cuda":
            torch.cuda.synchronize()

    with torch.no_grad():
        for i in range(0, min(len(x), 4 * a.batch), a.batch):  # warm-up
            model(x[i:i + a.batch])
        sync()
        t0 = time.perf_counter()
        predicted = []
        for i in range(0, len(x), a.batch):
            predicted.append(model(x[i:i + a.batch]).argmax(1))
        sync()
        dt = time.perf_counter() - t0
    correct = int((torch.cat(predicted).cpu().numpy() == te_y[:len(x)]).sum())
    where = f"GPU ({torch.cuda.get_device_name(0)}, PyTorch {torch.__version__})" if device == "cuda" \
        else f"host CPU (PyTorch {torch.__version__}, {a.threads} threads)"
    low, high = wilson_interval(correct, len(x))
    metrics = {"host_time_per_inference_ms": 1000 * dt / len(x), "host_throughput_images_per_s": len(x) / dt,
               "accuracy": float(correct) / len(x), "accuracy_ci95_low": low, "accuracy_ci95_high": high,
               "samples": len(x), "batch": a.batch}
    print(json.dumps({
        "test_name": f"pytorch_{device if device == 'cuda' else 'cpu'}_baseline_{cfg['name']}_batch{a.batch}",
        "timestamp": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "schema_version": 2,
        "kind": "imported",
        "configuration": {"tool": "spikformer_tool.py bench", "checkpoint": os.path.basename(a.checkpoint), "model": cfg["name"],
                          "samples": len(x), "batch": a.batch, "threads": a.threads, "device": device},
        "metrics": metrics,
        "metric_info": {k: METRIC_INFO[k] for k in metrics},
        "environment": {"hardware": where, "software_version": "spikformer_tool.py (PyTorch " + torch.__version__ + ")",
                        "model": cfg["name"], "device": device},
    }, indent=1))


def wilson_interval(successes, n, z=1.959963984540054):
    """The 95 % Wilson score interval of a proportion (Wilson 1927), as stc records beside every accuracy."""
    if n == 0:
        return float("nan"), float("nan")
    p = successes / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return centre - half, centre + half


# How stc's results declare each metric (schema 2's metric_info): unit, which way is better, and whether it
# was measured on this host or derived from fixed inputs.
METRIC_INFO = {
    "host_time_per_inference_ms": {"unit": "ms", "better": "lower", "role": "measured"},
    "host_throughput_images_per_s": {"unit": "per_s", "better": "higher", "role": "measured"},
    "accuracy": {"unit": "fraction", "better": "higher", "role": "derived"},
    "accuracy_ci95_low": {"unit": "fraction", "better": "neither", "role": "derived"},
    "accuracy_ci95_high": {"unit": "fraction", "better": "neither", "role": "derived"},
    "samples": {"unit": "count", "better": "neither", "role": "derived"},
    "batch": {"unit": "count", "better": "neither", "role": "derived"},
}


def cmd_onnx(a):
    """Export the model to ONNX (batch axis dynamic) for the ONNX Runtime CPU baseline."""
    global EXPORTING
    model, cfg = load_model(a.checkpoint, a.config)
    EXPORTING = True
    x = torch.zeros(1, cfg.get("in_channels", cfg.get("inChannels", 1)), cfg.get("image_size", cfg.get("imageSize", 28)),
                    cfg.get("image_size", cfg.get("imageSize", 28)))
    with torch.no_grad():
        reference = model(x)
        torch.onnx.export(model, x, a.out, input_names=["image"], output_names=["logits"],
                          dynamic_axes={"image": {0: "batch"}, "logits": {0: "batch"}}, opset_version=a.opset)
    print(f"wrote {a.out} (opset {a.opset}); logits of a blank image: {reference[0, :3].tolist()}")


def cmd_convert(a):
    ckpt = torch.load(a.checkpoint, map_location="cpu")
    sd = state_dict_of(ckpt)
    write_safetensors(a.out, sd)
    print(f"wrote {len(sd)} tensors to {a.out}")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("train")
    t.add_argument("--config", required=True)
    t.add_argument("--data", default=DATA_DIR)
    t.add_argument("--epochs", type=int, default=5)
    t.add_argument("--batch", type=int, default=128)
    t.add_argument("--lr", type=float, default=2e-3)
    t.add_argument("--weight-decay", type=float, default=0.01)
    t.add_argument("--threads", type=int, default=2)
    t.add_argument("--seed", type=int, default=0)
    t.add_argument("--out", required=True)
    e = sub.add_parser("export")
    e.add_argument("checkpoint")
    e.add_argument("--data", default=DATA_DIR)
    e.add_argument("--out", required=True)
    e.add_argument("--golden", type=int, default=32)
    e.add_argument("--subset", type=int, default=2000)
    b = sub.add_parser("bench")
    b.add_argument("checkpoint", help="a training checkpoint (.pt) or weights (.safetensors) with --config")
    b.add_argument("--config", help="config JSON for .safetensors weights (default: same name, .json)")
    b.add_argument("--data", default=DATA_DIR)
    b.add_argument("--batch", type=int, default=1)
    b.add_argument("--samples", type=int, default=512)
    b.add_argument("--threads", type=int, default=2)
    b.add_argument("--device", choices=["auto", "cpu", "cuda"], default="cpu",
                   help="auto: CUDA when present, else CPU (default cpu, the baseline the Java engines are held to)")
    o = sub.add_parser("onnx")
    o.add_argument("checkpoint", help="a training checkpoint (.pt) or weights (.safetensors) with --config")
    o.add_argument("--config")
    o.add_argument("--out", required=True)
    o.add_argument("--opset", type=int, default=13)
    c = sub.add_parser("convert")
    c.add_argument("checkpoint")
    c.add_argument("out")
    a = p.parse_args()
    {"train": cmd_train, "export": cmd_export, "bench": cmd_bench, "onnx": cmd_onnx, "convert": cmd_convert}[a.cmd](a)


if __name__ == "__main__":
    sys.exit(main())

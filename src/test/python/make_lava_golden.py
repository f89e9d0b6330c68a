#!/usr/bin/python3
"""Golden-data generator: Lava's bit-accurate Loihi LIF + Dense, run by Lava.

What it is
----------
This script builds the golden test file
``src/test/resources/org/spiketc/sim/emulator/lava-lif-golden.json`` for the
Java chip emulator.  It does NOT reimplement Lava: every trace in the file is
produced by Intel's Lava (https://github.com/lava-nc/lava) itself, running the
network

    lava.proc.io.source.RingBuffer  (model PySendModelFixed, sends int32)
        -> lava.proc.dense.process.Dense   (model PyDenseModelBitAcc)
        -> lava.proc.lif.process.LIF       (model PyLifModelBitAcc)

with ``Loihi2SimCfg(select_tag="fixed_pt")`` and ``RunSteps``.  Per step,
``lava.proc.monitor.process.Monitor`` processes record the LIF's ``u`` and
``v`` Vars (read after the step), the LIF's ``s_out`` port, and the Dense's
``a_out`` port (= exactly what the LIF's ``a_in`` receives that step) plus
the Dense's ``a_buff`` Var.  The Dense's ``weights`` Var is read back after
the run (= weights after Lava's clip + truncate).

A small pure-Python restatement of the arithmetic (``reference_run``) is
checked against every Lava trace; it is only a cross-check for the notes
written into the JSON (and is used to pick a threshold at which the random
cases spike now and then), never a source of golden values.

Cases: edge cases (delay probes, u at exactly +-2^23 and beyond, Dense output
beyond 16 bits, a_in << 6 beyond int32, v saturation, threshold ties, vth 0,
zero weights / input, clip + truncate of every weight value per sign mode,
explicit sign modes, negative weight_exp, signed graded input, decay
rounding) plus N_RANDOM seeded random cases over the legal parameter ranges.

Regenerate (from the repository root)::

    apt-get install -y python3-numpy python3-scipy python3-networkx \\
        python3-asteval
    git clone https://github.com/lava-nc/lava /tmp/lava
    git -C /tmp/lava checkout b6822fbc0e85730fc0da6979451f42fef038fb71
    /usr/bin/python3 src/test/python/make_lava_golden.py --lava /tmp/lava \\
        --cases-from src/test/resources/org/spiketc/sim/emulator/model-layer-cases.json

``--lava DIR`` is a Lava checkout (``--lava-commit HASH`` when DIR is not a
git checkout); without it the script extracts the commit from a bare mirror
(``--lava-mirror``).  ``--out FILE`` defaults to the resource path above.
``--cases-from FILE`` adds cases of the same schema without ``trace``: the
committed ``model-layer-cases.json`` holds neurons of the shipped model's
compiled layers with their recorded inputs, written by the Java test
``LavaModelLayerCasesTest`` (run it with ``-Dstc.writeLavaCases=FILE``).
They are run through Lava the same way and written after the built-in cases.
A case's ``lif.bias_from_step`` N runs the LIF with bias 0 for steps 0..N-1
and sets ``bias_mant`` before step N, as the emulator switches a layer's bias
on when its first input arrives.

Lava commit used for the committed file:
    b6822fbc0e85730fc0da6979451f42fef038fb71  (lava-nc 0.11.0.dev0)

Python 3.11 compatibility edit
------------------------------
Lava targets Python 3.10.  On Python 3.11 ``dataclasses`` rejects the mutable
defaults ``x: ByteEncoder = ByteEncoder()`` in
``src/lava/magma/compiler/var_model.py`` (CoreEncoder, ChipEncoder,
AxonEncoder), so ``import lava.magma.compiler.var_model`` fails.  The script
copies Lava's ``src/`` to a temporary directory and, in ITS OWN COPY ONLY,
replaces those defaults with ``field(default_factory=ByteEncoder)`` (and adds
``field`` to the dataclasses import).  Nothing else is changed; no arithmetic
is touched.  The given checkout / mirror is never modified.  The edit is
recorded in the JSON's ``compatibility_edit``.

Needs (Debian bookworm): /usr/bin/python3 (3.11) with the Debian packages
python3-numpy, python3-scipy, python3-networkx, python3-asteval; git (only
for the default mirror extraction / commit lookup).

Determinism: all generated cases come from ``numpy.random.default_rng(SEED)``;
Lava's fixed-point models are deterministic, so re-running gives a
byte-identical file.
"""

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile

import numpy as np

SEED = 20240607
N_RANDOM = 22
DEFAULT_MIRROR = "/work/.mirror/lava-nc+lava/repo"
DEFAULT_OUT = os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "resources", "org",
    "spiketc", "sim", "emulator", "lava-lif-golden.json")
GENERATOR = "src/test/python/make_lava_golden.py"
LAVA_REPOSITORY = "https://github.com/lava-nc/lava"

# ---------------------------------------------------------------------------
# Obtaining Lava and applying the Python 3.11 compatibility edit
# ---------------------------------------------------------------------------

VAR_MODEL = os.path.join("lava", "magma", "compiler", "var_model.py")


def _git(args, **kw):
    return subprocess.run(["git"] + args, check=True, capture_output=True,
                          text=True, **kw).stdout.strip()


def obtain_lava(args, workdir):
    """Returns (path of a private copy of Lava's src/, commit hash)."""
    if args.lava:
        src_root = os.path.abspath(args.lava)
        commit = args.lava_commit
        if commit is None:
            try:
                top = _git(["-C", src_root, "rev-parse", "--show-toplevel"])
                if os.path.realpath(top) != os.path.realpath(src_root):
                    raise FileNotFoundError(top)
                commit = _git(["-C", src_root, "rev-parse", "HEAD"])
            except (subprocess.CalledProcessError, FileNotFoundError):
                sys.exit("--lava DIR is not the top of a git checkout: pass "
                         "--lava-commit HASH")
    else:
        mirror = args.lava_mirror
        commit = args.lava_commit or _git(["--git-dir", mirror, "rev-parse",
                                           "HEAD"])
        src_root = os.path.join(workdir, "lava-checkout")
        os.makedirs(src_root)
        # read-only on the mirror: git archive | tar -x into our temp dir
        archive = subprocess.run(
            ["git", "--git-dir", mirror, "archive", "--format=tar", commit],
            check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", src_root], input=archive,
                       check=True)
    src = os.path.join(src_root, "src")
    if not os.path.isfile(os.path.join(src, VAR_MODEL)):
        sys.exit(f"{src_root} does not look like a Lava checkout "
                 f"(no src/{VAR_MODEL})")
    private = os.path.join(workdir, "lava-src")
    shutil.copytree(src, private,
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    return private, commit


def apply_compat_edit(private_src):
    """Edits the private copy of var_model.py; returns a description."""
    path = os.path.join(private_src, VAR_MODEL)
    with open(path) as f:
        text = f.read()
    pattern = re.compile(r"^(\s+)(\w+): (\w+) = (\w+)\(\)$", re.M)
    changed = []

    def repl(m):
        indent, name, typ, ctor = m.groups()
        if typ != ctor:
            return m.group(0)
        changed.append(f"{name}: {typ} = {ctor}()")
        return f"{indent}{name}: {typ} = field(default_factory={ctor})"

    new = pattern.sub(repl, text)
    if not changed:
        return ("none needed: src/lava/magma/compiler/var_model.py has no "
                "mutable dataclass defaults at this commit")
    old_import = "from dataclasses import dataclass, InitVar\n"
    if old_import in new:
        new = new.replace(old_import,
                          "from dataclasses import dataclass, InitVar, "
                          "field\n", 1)
        imp = "added 'field' to 'from dataclasses import dataclass, InitVar'"
    else:
        new = "from dataclasses import field\n" + new \
            if "from __future__" not in new else new.replace(
                "from __future__ import annotations\n",
                "from __future__ import annotations\n"
                "from dataclasses import field\n", 1)
        imp = "added 'from dataclasses import field'"
    with open(path, "w") as f:
        f.write(new)
    owners = []
    for cls in re.finditer(r"^class (\w+)\b.*?(?=^class |\Z)", new,
                           re.M | re.S):
        n = cls.group(0).count("field(default_factory=")
        if n:
            owners.append(f"{cls.group(1)} ({n})")
    return ("In a private copy of src/lava/magma/compiler/var_model.py "
            f"(Python 3.11 dataclasses reject mutable defaults): {imp}; "
            f"replaced {len(changed)} mutable dataclass defaults "
            f"'<name>: ByteEncoder = ByteEncoder()' by "
            f"'<name>: ByteEncoder = field(default_factory=ByteEncoder)' in "
            f"{', '.join(owners)}. Nothing else changed; no arithmetic "
            "touched.")


# ---------------------------------------------------------------------------
# Case generation
# ---------------------------------------------------------------------------

def _case(name, dense_w, weight_exp, nwb, nmb, du, dv, vth, bias_mant,
          bias_exp, inp, sign_mode=None, bias_from_step=0):
    w = np.asarray(dense_w, dtype=np.int64)
    n_out, n_in = w.shape
    inp = np.asarray(inp, dtype=np.int64)
    steps = inp.shape[0]
    assert inp.shape == (steps, n_in), (name, inp.shape, (steps, n_in))
    bm = np.broadcast_to(np.asarray(bias_mant, dtype=np.int64), (n_out,))
    be = np.broadcast_to(np.asarray(bias_exp, dtype=np.int64), (n_out,))
    return {
        "name": name, "steps": int(steps), "n_in": int(n_in),
        "n_out": int(n_out),
        "dense": {"weights": w.tolist(), "weight_exp": int(weight_exp),
                  "num_weight_bits": int(nwb),
                  "num_message_bits": int(nmb), "sign_mode": sign_mode},
        "lif": {"du": int(du), "dv": int(dv), "vth": int(vth),
                "bias_mant": [int(x) for x in bm],
                "bias_exp": [int(x) for x in be],
                **({"bias_from_step": int(bias_from_step)}
                   if bias_from_step else {})},
        "input": inp.tolist(),
    }


def edge_cases(rng):
    cases = []
    z = np.zeros

    # (1) delay probes: a single event at source step 0 (and one later)
    inp = z((8, 2), int)
    inp[0, 0] = 1
    inp[3, 1] = 1
    cases.append(_case("edge-delay-binary", [[10, 0], [0, 20]], 0, 8, 0,
                       4095, 4095, 131071, 0, 0, inp))
    inp = z((8, 2), int)
    inp[0, 0] = 200
    inp[2, 1] = 3
    cases.append(_case("edge-delay-graded", [[10, 0], [0, 20]], 0, 8, 8,
                       4095, 4095, 131071, 0, 0, inp))

    # (2) u exactly +2^23 and -2^23, and just beyond.  du=4095 makes the
    # decay factor 4096-(4095+1)=0, so u = wrap(a_in << 6).  weight_exp 7,
    # even weights (MIXED truncates 1 bit): a_in = 128 * sum(w).
    w = [[128] * 8 + [0],        # sum 1024 -> a_in 131072 -> u = +2^23
         [-128] * 8 + [0],       # -> u = -2^23 before wrap
         [128] * 8 + [2],        # sum 1026 with input 8 -> beyond +2^23
         [-128] * 8 + [-2],      # beyond -2^23
         [128] * 7 + [126, 2],   # 1022 / 1024
         [-128] * 7 + [-126, -2]]
    pat = [[1] * 9, [1] * 8 + [0], [1] * 9, [0] * 8 + [1], [1] * 9,
           [1] * 7 + [0, 1], [1] * 8 + [0], [0] * 9, [1] * 9, [1] * 9]
    cases.append(_case("edge-u-exact-2pow23", w, 7, 8, 0, 4095, 4095,
                       131071, 0, 0, pat))
    # same through the excitatory / inhibitory sign modes (no truncation)
    cases.append(_case("edge-u-exact-pos-2pow23-excitatory",
                       [[128] * 8 + [0], [128] * 8 + [1],
                        [128] * 7 + [127, 1]],
                       7, 8, 0, 4095, 4095, 131071, 0, 0, pat))
    cases.append(_case("edge-u-exact-neg-2pow23-inhibitory",
                       [[-128] * 8 + [0], [-128] * 8 + [-1],
                        [-128] * 7 + [-127, -1]],
                       7, 8, 0, 4095, 4095, 131071, 0, 0, pat))

    # (3) u accumulating until it overflows +-2^23 (du=0 -> factor 4095/4096)
    n_in = 16
    w = [[254] * n_in, [-256] * n_in, [100] * n_in, [-100] * n_in,
         [254] * 4 + [0] * 12, [-256] * 4 + [0] * 12]
    inp = np.ones((20, n_in), int)
    inp[12:15] = 0
    cases.append(_case("edge-u-accumulate-overflow", w, 5, 8, 0, 0, 4095,
                       131071, [0, 0, 0, 0, 4095, -4096], [0, 0, 0, 0, 7, 7],
                       inp))

    # (4) Dense output beyond 16 bits (binary): 32 x 255 x 2^7
    n_in = 32
    w = np.zeros((5, n_in), int)
    w[0, :] = 255                 # a_in = 1044480 (> 2^20)
    w[1, :2] = [255, 58]          # 313 * 128 = 40064 (> int16 max)
    w[2, :2] = [255, 1]           # 256 * 128 = 32768 (= int16 max + 1)
    w[3, 0] = 255                 # 32640
    w[4, :3] = [200, 200, 112]    # 512 * 128 = 65536 (= 2^16)
    inp = np.ones((10, n_in), int)
    inp[3] = 0
    inp[5, 1:] = 0
    inp[7, ::2] = 0
    cases.append(_case("edge-a-in-over-16bit-binary", w, 7, 8, 0, 4095,
                       4095, 131071, 0, 0, inp))
    cases.append(_case("edge-a-in-over-16bit-binary-accumulate", w, 7, 8, 0,
                       2048, 1024, 131071, [0, 0, 0, 0, -4096],
                       [0, 0, 0, 0, 7], inp))

    # (5) a_in << 6 beyond int32 (graded): 32 x 255 x 255 x 2^7 = 266342400
    w = np.zeros((6, n_in), int)
    w[0, :] = 255
    w[1, :16] = 128               # with inputs 128: 16*128*128*128 = 2^25
    w[2, :8] = 255
    w[3, :] = 1
    w[4, :4] = 64                 # inputs 128: 4*64*128*128 = 2^22
    w[5, :] = 2
    inp = np.full((10, n_in), 255, int)
    inp[1] = 128
    inp[2] = 0
    inp[3] = 1
    inp[4] = 128
    inp[5, :16] = 128
    inp[5, 16:] = 0
    inp[6] = 64
    inp[8] = 200
    cases.append(_case("edge-a-in-shift-over-int32-graded-excitatory", w, 7,
                       8, 8, 4095, 4095, 131071, 0, 0, inp))
    w = np.zeros((4, n_in), int)
    w[0, :] = 254
    w[1, :] = -256
    w[2, :16] = 128
    w[3, :16] = -128
    cases.append(_case("edge-a-in-shift-over-int32-graded-mixed", w, 7, 8, 8,
                       4095, 4095, 131071, 0, 0, inp))
    cases.append(_case("edge-a-in-shift-over-int32-graded-decay", w, 7, 8, 8,
                       1000, 3000, 131071, [4095, -4096, 0, 100],
                       [7, 7, 0, 3], inp))

    # (6) v saturation
    n_in = 4
    w = [[0] * 4, [-255] * 4, [0] * 4, [-255, -255, 0, 0]]
    inp = np.ones((20, n_in), int)
    inp[15:] = 0
    cases.append(_case("edge-v-sat-neg", w, 3, 8, 0, 4095, 0, 131071,
                       [-4096, 0, -4096, -4096], [7, 0, 7, 3], inp))
    w = [[0] * 4, [255] * 4, [255, 255, 0, 0], [0] * 4]
    cases.append(_case("edge-v-sat-pos-vth-max", w, 3, 8, 0, 4095, 0,
                       131071, [4095, 0, 4095, 4095], [7, 0, 7, 6], inp))
    # vth = 131072 is OUT OF the documented 17-bit range; Lava does not
    # check it.  vth<<6 = 2^23 > 2^23-1, so v saturates visibly.
    cases.append(_case("edge-v-sat-pos-vth-out-of-range-131072", w, 3, 8, 0,
                       4095, 0, 131072, [4095, 0, 4095, 4095], [7, 0, 7, 6],
                       inp))

    # (7) threshold ties: v == vth << 6 must not spike.  vth=50 -> 3200;
    # dv=4095 -> v decays to (v*1)>>12 = 0 for v < 4096, du=4095 -> u=a<<6.
    w = np.zeros((8, 3), int)
    w[2, 0] = 1
    w[3, 1] = 50
    w[3, 2] = 1
    w[7, 1] = 25
    inp = np.zeros((12, 3), int)
    inp[2:5, 0] = 1
    inp[6, 0:2] = 1
    inp[7, 1] = 1
    inp[8, 1:3] = 1
    inp[9, 1] = 1
    inp[10, 0:3] = 1
    cases.append(_case(
        "edge-threshold-tie", w, 0, 8, 0, 4095, 4095, 50,
        [50, 51, 49, 0, 25, 3200, 1600, 25],
        [6, 6, 6, 0, 7, 0, 1, 7], inp))
    # tie via weight_exp: vth=1000 -> 64000; a_in = 250*4 = 1000
    w = [[250, 0], [125, 0], [250, 1], [0, 0]]
    inp = np.zeros((8, 2), int)
    inp[1:, 0] = 1
    inp[4, 1] = 1
    cases.append(_case("edge-threshold-tie-weight-exp", w, 2, 8, 0, 4095,
                       4095, 1000, [0, 0, 0, 1000], [0, 0, 0, 6], inp))
    # vth = 0: v = 0 does not spike, v = 1 does
    w = np.zeros((4, 2), int)
    w[3, 0] = 1
    inp = np.zeros((8, 2), int)
    inp[2, 0] = 1
    cases.append(_case("edge-vth-zero", w, 0, 8, 0, 4095, 4095, 0,
                       [0, 1, -1, 0], [0, 0, 0, 0], inp))
    cases.append(_case("edge-vth-zero-random", rng.integers(-256, 256,
                       (6, 10)), 0, 8, 0, 0, 0, 0,
                       rng.integers(-30, 30, 6), rng.integers(0, 3, 6),
                       (rng.random((16, 10)) < 0.3).astype(int)))

    # (8) zero weights / zero input
    cases.append(_case("edge-zero-weights-binary", np.zeros((5, 12), int), 3,
                       8, 0, 2000, 500, 2000, rng.integers(-4096, 4096, 5),
                       rng.integers(0, 8, 5),
                       (rng.random((12, 12)) < 0.5).astype(int)))
    cases.append(_case("edge-zero-weights-graded", np.zeros((3, 6), int), 7,
                       8, 8, 0, 0, 100, [0, 10, -10], [0, 0, 0],
                       rng.integers(0, 256, (10, 6))))
    cases.append(_case("edge-zero-input", rng.integers(-256, 256, (6, 10)),
                       7, 8, 0, 100, 100, 300,
                       [0, 100, -100, 4095, -4096, 7], [0, 3, 3, 7, 7, 2],
                       np.zeros((14, 10), int)))

    # (9) weight clipping / truncation per sign mode
    w_mixed_all = np.arange(-256, 256).reshape(16, 32)  # every legal value
    inp = np.eye(32, dtype=int)[:24]   # one input per step
    cases.append(_case("edge-trunc-mixed-nwb8-all-values", w_mixed_all, 0, 8,
                       0, 4095, 4095, 131071, 0, 0, inp))
    cases.append(_case("edge-trunc-mixed-nwb1-all-values", w_mixed_all, 0, 1,
                       0, 4095, 4095, 131071, 0, 0, inp))
    cases.append(_case("edge-trunc-mixed-nwb5-all-values", w_mixed_all, 0, 5,
                       0, 4095, 4095, 131071, 0, 0, inp))
    w_exc_all = np.arange(0, 256).reshape(8, 32)
    cases.append(_case("edge-trunc-excitatory-nwb3-all-values", w_exc_all, 0,
                       3, 0, 4095, 4095, 131071, 0, 0, inp))
    cases.append(_case("edge-trunc-excitatory-nwb1-all-values", w_exc_all, 0,
                       1, 0, 4095, 4095, 131071, 0, 0, inp))
    w_inh_all = -np.arange(0, 256).reshape(8, 32)
    w_inh_all[0, 0] = -256           # inhibitory clips -256 to -255
    cases.append(_case("edge-trunc-inhibitory-nwb3-all-values", w_inh_all, 0,
                       3, 0, 4095, 4095, 131071, 0, 0, inp))
    cases.append(_case("edge-trunc-inhibitory-nwb8-clip-256", w_inh_all, 0,
                       8, 0, 4095, 4095, 131071, 0, 0, inp))
    # explicit sign_mode (passed to Dense) that differs from the weights
    w = rng.integers(-256, 256, (6, 12))
    binp = (rng.random((12, 12)) < 0.5).astype(int)
    cases.append(_case("explicit-sign-excitatory-on-mixed-weights", w, 0, 8,
                       0, 2048, 2048, 5000, 0, 0, binp,
                       sign_mode="EXCITATORY"))
    cases.append(_case("explicit-sign-inhibitory-on-mixed-weights", w, 0, 6,
                       0, 2048, 2048, 5000, 0, 0, binp,
                       sign_mode="INHIBITORY"))
    cases.append(_case("explicit-sign-mixed-on-excitatory-weights",
                       np.abs(w) % 256, 0, 7, 0, 2048, 2048, 5000, 0, 0, binp,
                       sign_mode="MIXED"))

    # (10) negative weight_exp: arithmetic right shift of the SUM (floor)
    w = [[-1, 0, 0], [-1, -1, 0], [1, 0, 0], [-3, 2, 0], [255, 255, 255],
         [-255, -1, 0], [-256, -256, -256], [-7, -1, 1]]
    inp = [[1, 1, 1], [1, 0, 0], [0, 1, 0], [1, 1, 0], [0, 0, 1], [1, 0, 1],
           [0, 0, 0], [1, 1, 1]]
    for e in (-1, -3, -8):
        cases.append(_case(f"edge-neg-weight-exp{e}", w, e, 8, 0, 4095, 4095,
                           131071, 0, 0, inp, sign_mode="MIXED"))

    # (11) signed graded input (RingBuffer is int32; Dense does no check)
    cases.append(_case("edge-graded-signed-input",
                       rng.integers(-256, 256, (5, 8)), -2, 8, 8, 1024, 512,
                       3000, rng.integers(-4096, 4096, 5),
                       rng.integers(0, 8, 5),
                       rng.integers(-255, 256, (16, 8))))

    # (12) decay rounding towards zero for negative u / v
    w = [[-200] * 4, [200] * 4, [-3, 0, 0, 0], [3, 0, 0, 0]]
    inp = np.zeros((20, 4), int)
    inp[0] = 1
    inp[10] = 1
    cases.append(_case("edge-decay-rounding-sign", w, 4, 8, 0, 1, 3, 131071,
                       0, 0, inp, sign_mode="MIXED"))
    cases.append(_case("edge-decay-du0-dv0", w, 4, 8, 0, 0, 0, 131071,
                       0, 0, inp, sign_mode="MIXED"))
    return cases


def random_cases(rng, count):
    cases = []
    for i in range(count):
        n_in = int(rng.integers(1, 33))
        n_out = int(rng.integers(1, 17))
        steps = int(rng.integers(8, 25))
        kind = ["MIXED", "EXCITATORY", "MIXED", "INHIBITORY", "SPARSE"][i % 5]
        if kind == "EXCITATORY":
            w = rng.integers(0, 256, (n_out, n_in))
        elif kind == "INHIBITORY":
            w = -rng.integers(0, 257, (n_out, n_in))
        else:
            w = rng.integers(-256, 256, (n_out, n_in))
            if kind == "SPARSE":
                w[rng.random((n_out, n_in)) < 0.7] = 0
        nwb = 1 + (i * 3) % 8          # every value 1..8 occurs
        wexp = int(rng.integers(-8, 8))
        mode = ["binary", "graded", "binary", "signed", "binary",
                "graded"][i % 6]
        if mode == "binary":
            nmb = 0
            inp = (rng.random((steps, n_in)) < rng.uniform(0.1, 0.8)) \
                .astype(int)
        elif mode == "graded":
            nmb = 8
            inp = rng.integers(0, 256, (steps, n_in))
            inp[rng.random((steps, n_in)) < 0.4] = 0
        else:
            nmb = 8
            inp = rng.integers(-255, 256, (steps, n_in))

        def decay():
            r = rng.random()
            return 0 if r < 0.15 else 4095 if r < 0.3 else \
                int(rng.integers(0, 4096))
        du, dv = decay(), decay()
        if i == 0:
            du, dv = 0, 4095
        elif i == 1:
            du, dv = 4095, 0
        r = rng.random()
        vth = 0 if r < 0.08 else 131071 if r < 0.16 else \
            int(np.exp(rng.uniform(0, np.log(131071))))
        if i == 2:
            vth = 0
        elif i == 3:
            vth = 131071
        scale = rng.choice(["full", "small", "zero"])
        if scale == "full":
            bm = rng.integers(-4096, 4096, n_out)
        elif scale == "small":
            bm = rng.integers(-64, 65, n_out)
        else:
            bm = np.zeros(n_out, int)
        be = rng.integers(0, 8, n_out)
        if i == 4:  # make sure the extremes occur
            bm[0] = -4096
            be[0] = 7
            if n_out > 1:
                bm[1] = 4095
                be[1] = 0
        case = _case(f"random-{i:02d}", w, wexp, nwb, nmb, du, dv, vth, bm,
                     be, inp)
        if i > 3 and rng.random() < 0.75:
            # Pick vth so that the neurons actually spike now and then: the
            # sub-threshold peak of v is estimated with the restated
            # arithmetic below (parameter choice only; traces come from Lava)
            case["lif"]["vth"] = 1 << 40
            v_tr = reference_run(case, ref_weights(
                case["dense"]["weights"], _sign_mode_of(w), nwb))["v"]
            peaks = [p for p in np.max(np.array(v_tr), axis=0) if p > 64]
            frac = rng.uniform(0.05, 0.8)
            case["lif"]["vth"] = min(131071, int(np.median(peaks) * frac)
                                     >> 6) if peaks else vth
        cases.append(case)
    return cases


def _sign_mode_of(w):
    """Same rule as lava.utils.weightutils.determine_sign_mode."""
    w = np.asarray(w)
    return "EXCITATORY" if w.min() >= 0 else "INHIBITORY" if w.max() <= 0 \
        else "MIXED"


# ---------------------------------------------------------------------------
# Running a case through Lava
# ---------------------------------------------------------------------------

def run_lava(case, lava):
    """Runs one case with Lava; returns (trace, weights_eff, sign_mode,
    a_buff rows)."""
    Dense, LIF, RingBuffer, Monitor, Loihi2SimCfg, RunSteps, SignMode, \
        determine_sign_mode = lava
    d = case["dense"]
    lif_p = case["lif"]
    steps, n_in, n_out = case["steps"], case["n_in"], case["n_out"]
    weights = np.array(d["weights"], dtype=np.int64)
    assert weights.shape == (n_out, n_in)
    inp = np.array(case["input"], dtype=np.int64)
    assert inp.shape == (steps, n_in)

    kw = dict(weights=weights, weight_exp=int(d["weight_exp"]),
              num_weight_bits=int(d["num_weight_bits"]),
              num_message_bits=int(d["num_message_bits"]))
    if d.get("sign_mode"):
        sign_mode = SignMode[d["sign_mode"]]
        kw["sign_mode"] = sign_mode
    else:
        # exactly what PyDenseModelBitAcc does when no sign_mode is given
        sign_mode = determine_sign_mode(weights)

    src = RingBuffer(data=inp.T.astype(np.int32))   # (n_in, steps)
    dense = Dense(**kw)
    # bias_from_step N: the bias is switched on between steps N-1 and N (a
    # Var.set between two runs, as a chip's embedded processor would write
    # the register); before that the LIF runs with bias_mant 0
    gate = int(lif_p.get("bias_from_step", 0))
    bias_mant = np.array(lif_p["bias_mant"], dtype=np.int64)
    lif = LIF(shape=(n_out,), du=int(lif_p["du"]), dv=int(lif_p["dv"]),
              vth=int(lif_p["vth"]),
              bias_mant=np.zeros_like(bias_mant) if gate else bias_mant,
              bias_exp=np.array(lif_p["bias_exp"], dtype=np.int64))
    src.s_out.connect(dense.s_in)
    dense.a_out.connect(lif.a_in)
    probes = {"a_in": dense.a_out, "a_buff": dense.a_buff, "u": lif.u,
              "v": lif.v, "s": lif.s_out}
    mons = {}
    for key, target in probes.items():
        m = Monitor()
        m.probe(target, steps)
        mons[key] = (m, target)
    try:
        cfg = Loihi2SimCfg(select_tag="fixed_pt")
        if gate:
            lif.run(condition=RunSteps(num_steps=gate), run_cfg=cfg)
            lif.bias_mant.set(bias_mant)
            lif.run(condition=RunSteps(num_steps=steps - gate), run_cfg=cfg)
        else:
            lif.run(condition=RunSteps(num_steps=steps), run_cfg=cfg)
        rec = {}
        for key, (m, target) in mons.items():
            arr = m.get_data()[target.process.name][target.name]
            arr = np.asarray(arr)
            ia = np.rint(arr).astype(np.int64)
            assert np.array_equal(ia, arr), key   # integral values only
            rec[key] = ia
        w_eff = np.asarray(dense.weights.get())
        w_eff_i = np.rint(w_eff).astype(np.int64)
        assert np.array_equal(w_eff_i, w_eff)
    finally:
        lif.stop()
    trace = {"a_in": rec["a_in"].tolist(), "u": rec["u"].tolist(),
             "v": rec["v"].tolist(), "s": rec["s"].tolist()}
    return trace, w_eff_i.tolist(), sign_mode.name, rec["a_buff"].tolist()


# ---------------------------------------------------------------------------
# Pure-Python restatement of the arithmetic (cross-check only)
# ---------------------------------------------------------------------------

def wrap(x, bits):
    m = 1 << bits
    x &= m - 1
    return x - m if x >= m >> 1 else x


def ref_weights(w, sign_mode, nwb):
    """clip_weights(num_bits=8) then truncate_weights, per sign mode."""
    out = []
    for row in w:
        r = []
        for x in row:
            if sign_mode == "INHIBITORY":
                x = -x
            lo = -256 if sign_mode == "MIXED" else 0
            x = min(max(x, lo), 255)
            k = 8 - nwb + (1 if sign_mode == "MIXED" else 0)
            x = (x >> k) << k             # floor (Python >> is arithmetic)
            if sign_mode == "INHIBITORY":
                x = -x
            r.append(x)
        out.append(r)
    return out


def reference_run(case, w_eff, a_in_bits=32):
    """a_in_bits=32 is what Lava does; 16 is the hypothesis 'a_in is int16'."""
    d, p = case["dense"], case["lif"]
    n_out = case["n_out"]
    wexp = d["weight_exp"]
    binary = d["num_message_bits"] == 0
    du, dv, vth = p["du"], p["dv"], p["vth"]
    bias = [wrap(m << e if e >= 0 else m >> -e, 32)
            for m, e in zip(p["bias_mant"], p["bias_exp"])]
    eff_vth = vth << 6
    u = [0] * n_out
    v = [0] * n_out
    a_buff = [0] * n_out
    tr = {"a_in": [], "u": [], "v": [], "s": []}

    def decay(x, dec):
        prod = x * (4096 - dec)
        mag = abs(prod) >> 12
        return wrap(mag if prod >= 0 else -mag, 32)

    gate = p.get("bias_from_step", 0)
    for t, x in enumerate(case["input"]):
        # Dense: send the buffer of the previous step, then accumulate
        a_in = [wrap(a, a_in_bits) for a in a_buff]
        xs = [1 if xi != 0 else 0 for xi in x] if binary else x
        acc = [sum(wi * xi for wi, xi in zip(row, xs)) for row in w_eff]
        a_buff = [a << wexp if wexp > 0 else a >> -wexp for a in acc]
        # LIF
        s = []
        for i in range(n_out):
            dcur = wrap(decay(u[i], du + 1) + wrap(a_in[i] << 6, 32), 32)
            if dcur > 1 << 23:
                un = dcur - (1 << 24)
            elif dcur <= -(1 << 23):
                un = dcur + (1 << 24)
            else:
                un = dcur
            u[i] = un
            vn = wrap(wrap(decay(v[i], dv) + un, 32)
                      + (bias[i] if t >= gate else 0), 32)
            vn = min(max(vn, -(1 << 23) + 1), (1 << 23) - 1)
            spike = 1 if vn > eff_vth else 0
            v[i] = 0 if spike else vn
            s.append(spike)
        tr["a_in"].append(a_in)
        tr["u"].append(list(u))
        tr["v"].append(list(v))
        tr["s"].append(s)
    return tr


# ---------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------

def dumps(obj, indent=0):
    """JSON with every list of scalars on one line (small, diffable)."""
    pad = "  " * indent
    pad1 = "  " * (indent + 1)
    if isinstance(obj, dict):
        if not obj:
            return "{}"
        items = [f"{pad1}{json.dumps(k)}: {dumps(v, indent + 1)}"
                 for k, v in obj.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(obj, list):
        if all(not isinstance(x, (list, dict, str)) for x in obj):
            return "[" + ",".join(json.dumps(x) for x in obj) + "]"
        items = [pad1 + dumps(x, indent + 1) for x in obj]
        return "[\n" + ",\n".join(items) + "\n" + pad + "]"
    return json.dumps(obj)


def load_cases(path):
    with open(path) as f:
        data = json.load(f)
    cases = data["cases"] if isinstance(data, dict) else data
    out = []
    for c in cases:
        d, p = c["dense"], c["lif"]
        n_out = c.get("n_out", len(d["weights"]))
        n_in = c.get("n_in", len(d["weights"][0]))
        out.append(_case(
            c["name"], d["weights"], d.get("weight_exp", 0),
            d.get("num_weight_bits", 8), d.get("num_message_bits", 0),
            p["du"], p["dv"], p["vth"], p["bias_mant"], p["bias_exp"],
            np.asarray(c["input"], dtype=np.int64).reshape(-1, n_in),
            sign_mode=d.get("sign_mode"),
            bias_from_step=p.get("bias_from_step", 0)))
        assert out[-1]["n_out"] == n_out and out[-1]["n_in"] == n_in
        if "steps" in c:
            assert out[-1]["steps"] == c["steps"], c["name"]
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--lava", help="a Lava checkout (default: extract from "
                    "the bare mirror)")
    ap.add_argument("--lava-commit", help="commit hash of --lava (needed "
                    "when it is not a git checkout)")
    ap.add_argument("--lava-mirror", default=DEFAULT_MIRROR,
                    help=f"bare git mirror of lava (default {DEFAULT_MIRROR})")
    ap.add_argument("--cases-from", help="JSON file of cases without trace")
    ap.add_argument("--out", default=DEFAULT_OUT)
    args = ap.parse_args()

    workdir = tempfile.mkdtemp(prefix="lava-golden-")
    try:
        private_src, commit = obtain_lava(args, workdir)
        compat = apply_compat_edit(private_src)
        print(f"Lava commit: {commit}")
        print(f"Compatibility edit: {compat}")
        sys.path.insert(0, private_src)
        return generate(args, commit, compat)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def generate(args, commit, compat):
    from lava.magma.compiler.compiler import Compiler
    from lava.magma.core.run_conditions import RunSteps
    from lava.magma.core.run_configs import Loihi2SimCfg
    from lava.proc.dense.models import PyDenseModelBitAcc
    from lava.proc.dense.process import Dense
    from lava.proc.io.source import PySendModelFixed, RingBuffer
    from lava.proc.lif.models import PyLifModelBitAcc
    from lava.proc.lif.process import LIF
    from lava.proc.monitor.process import Monitor
    from lava.utils.weightutils import SignMode, determine_sign_mode
    import lava.proc.lif.process as lif_module
    # make sure the private, edited copy is the one imported
    assert os.path.abspath(lif_module.__file__).startswith(
        os.path.abspath(sys.path[0]) + os.sep), lif_module.__file__
    lava_api = (Dense, LIF, RingBuffer, Monitor, Loihi2SimCfg, RunSteps,
                SignMode, determine_sign_mode)

    # which process models / port dtypes Lava's compiler really selects
    probe_dense = Dense(weights=np.ones((2, 2), int))
    probe_lif = LIF(shape=(2,))
    probe_src = RingBuffer(data=np.zeros((2, 3), np.int32))
    probe_src.s_out.connect(probe_dense.s_in)
    probe_dense.a_out.connect(probe_lif.a_in)
    exe = Compiler().compile(probe_lif, Loihi2SimCfg(select_tag="fixed_pt"))
    models = sorted({type(b).__name__ + ":" + b.proc_model.__name__
                     for b in exe.proc_builders.values()
                     if hasattr(b, "proc_model")})
    chan_dtypes = {}
    for cb in exe.channel_builders:
        if getattr(cb, "src_process", None) is probe_dense and \
                getattr(cb, "dst_process", None) is probe_lif:
            chan_dtypes["dense_to_lif"] = np.dtype(
                cb.src_port_initializer.d_type).name
        if getattr(cb, "src_process", None) is probe_src and \
                getattr(cb, "dst_process", None) is probe_dense:
            chan_dtypes["source_to_dense"] = np.dtype(
                cb.src_port_initializer.d_type).name
    print("compiled models:", models, "channel dtypes:", chan_dtypes)
    assert any("PyLifModelBitAcc" in m for m in models), models
    assert any("PyDenseModelBitAcc" in m for m in models), models
    assert any("PySendModelFixed" in m for m in models), models
    lif_a_in_decl = np.dtype(PyLifModelBitAcc.a_in.d_type).name
    dense_a_out_decl = np.dtype(PyDenseModelBitAcc.a_out.d_type).name
    src_decl = np.dtype(PySendModelFixed.s_out.d_type).name
    recv_dtype = (np.zeros(2, PyLifModelBitAcc.a_in.d_type)
                  + np.zeros(2, chan_dtypes["dense_to_lif"])).dtype.name

    rng = np.random.default_rng(SEED)
    builtin = edge_cases(rng) + random_cases(rng, N_RANDOM)
    loaded = load_cases(args.cases_from) if args.cases_from else []
    cases = builtin + loaded

    results = {}
    mismatch, int16_differs, wref_mismatch = [], [], []
    for c in cases:
        key = id(c)
        trace, w_eff, mode, a_buff = run_lava(c, lava_api)
        results[key] = (trace, w_eff, mode, a_buff)
        # a_in of step t must be the Dense's a_buff after step t-1
        assert trace["a_in"][0] == [0] * c["n_out"], c["name"]
        for t in range(1, c["steps"]):
            assert trace["a_in"][t] == [wrap(a, 32) for a in a_buff[t - 1]], \
                (c["name"], t)
        if ref_weights(c["dense"]["weights"], mode,
                       c["dense"]["num_weight_bits"]) != w_eff:
            wref_mismatch.append(c["name"])
        if reference_run(c, w_eff) != trace:
            mismatch.append(c["name"])
        if reference_run(c, w_eff, a_in_bits=16) != trace:
            int16_differs.append(c["name"])
        print(f"  {c['name']}: {c['steps']} steps, {c['n_in']}->"
              f"{c['n_out']}, sign_mode {mode}, "
              f"spikes {sum(map(sum, trace['s']))}")

    by_name = {c["name"]: results[id(c)] for c in builtin}

    # ---- empirical findings, from the built-in probe cases ----
    def first_nonzero(name):
        a = by_name[name][0]["a_in"]
        return next(t for t, row in enumerate(a) if any(row))
    delay_b = first_nonzero("edge-delay-binary")
    delay_g = first_nonzero("edge-delay-graded")
    tr16 = by_name["edge-a-in-over-16bit-binary"][0]
    big = max(max(abs(x) for x in r) for r in tr16["a_in"])
    u_big = tr16["u"][0:2]
    tr32 = by_name["edge-a-in-shift-over-int32-graded-excitatory"][0]
    a32 = tr32["a_in"][1][0]
    u32 = tr32["u"][1][0]
    trx = by_name["edge-u-exact-2pow23"][0]
    u_pos = trx["u"][1][0]
    u_neg = trx["u"][1][1]
    sat = by_name["edge-v-sat-neg"][0]["v"]
    vmin = min(min(r) for r in sat)
    satp = by_name["edge-v-sat-pos-vth-out-of-range-131072"][0]["v"]
    vmax = max(max(r) for r in satp)
    tie = by_name["edge-threshold-tie"][0]
    tie_v0 = tie["v"][3][0]
    tie_s0 = tie["s"][3][0]
    beyond = by_name["edge-u-accumulate-overflow"][0]["u"]

    notes = [
        "Network: lava.proc.io.source.RingBuffer (PySendModelFixed) -> "
        "lava.proc.dense.process.Dense (PyDenseModelBitAcc) -> "
        "lava.proc.lif.process.LIF (PyLifModelBitAcc), "
        "Loihi2SimCfg(select_tag='fixed_pt'), one RunSteps(steps) run per "
        "case; u, v, s_out, Dense.a_out recorded by lava Monitor processes "
        f"each step. Compiled process models: {', '.join(models)}.",
        "Trace row t = state after Lava time step t+1. u and v start at 0; "
        "v is recorded after the spike reset (v = 0 in a step with s = 1). "
        "u is never reset.",
        f"DELAY: a spike (or graded value) sent by the source at step 0 "
        f"first reaches the LIF at trace row {delay_b} (binary) / "
        f"{delay_g} (graded), i.e. exactly one step of delay. Source->Dense "
        "is same-step (RingBuffer sends input row t in step t, Dense "
        "receives it in step t); Dense.run_spk first SENDS a_buff (computed "
        "in the previous step, 0 in step 0) and then computes the new "
        "a_buff from this step's input. So a_in[0] = 0 always and "
        "a_in[t] = a_buff after step t-1 (checked for every case).",
        "DENSE ARITHMETIC: binary (num_message_bits = 0): any nonzero input "
        "is a spike: acc = sum of effective weights of spiking inputs "
        "(numpy int64 sum). Graded (num_message_bits > 0; only '> 0' is "
        "tested, the value 8 itself is not used): acc = W_eff . x as int32 "
        "dot product, x used as given (no clipping to 8 bits, negative "
        "values allowed: RingBuffer sends int32). Then a_buff = acc << "
        "weight_exp if weight_exp > 0 else acc >> -weight_exp (arithmetic "
        "shift of the SUM, i.e. floor toward -inf: -1 >> 3 = -1), not "
        "per-weight.",
        f"A_IN DTYPE: LIF declares a_in as {lif_a_in_decl} (precision 16) "
        f"but it is NOT narrowed: Dense.a_out is declared {dense_a_out_decl}, "
        f"the compiled Dense->LIF channel buffer is "
        f"{chan_dtypes['dense_to_lif']} (source->Dense channel: "
        f"{chan_dtypes.get('source_to_dense')}; RingBuffer s_out declared "
        f"{src_decl}), and PyInPortVectorDense.recv returns "
        f"np.zeros(shape, {lif_a_in_decl}) + received, whose dtype is "
        f"{recv_dtype}. So a_in is int32 (Dense's int64 a_buff is cast "
        "to int32 by the channel, wrapping mod 2^32; with legal parameters "
        "|a_buff| <= 32*256*255*128 < 2^31 so that never bites). Largest "
        f"|a_in| in 'edge-a-in-over-16bit-binary' is {big} and arrives "
        f"unchanged. The int16 hypothesis contradicts Lava in "
        f"{len(int16_differs)} cases, e.g. "
        f"{', '.join(int16_differs[:6])}.",
        "A_IN << 6 OVERFLOW: the LIF computes np.left_shift(a_in, 6) in "
        "int32, wrapping mod 2^32, then adds it to the decayed u in int32 "
        "(wrapping). In 'edge-a-in-shift-over-int32-graded-excitatory' row "
        f"1: a_in = {a32}, a_in << 6 = {a32 << 6} wraps to "
        f"{wrap(a32 << 6, 32)}, final u = {u32}.",
        "U UPDATE (exact): d = int32( trunc0(u * (4096 - (du + 1)) / 4096) "
        "+ int32(a_in << 6) ), where trunc0(p) = sign(p) * (|p| >> 12) "
        "(rounds toward zero; note the +1 'ds_offset': du = 0 still decays "
        "u by 1/4096, du = 4095 zeroes it). Then u = d - 2^24 if d > 2^23; "
        "else d + 2^24 if d <= -2^23; else d. Only ONE wrap is applied, so "
        "u leaves the 24-bit range when d > 3*2^23 or d <= -3*2^23, which "
        "legal parameters can reach (binary, 32 inputs x weight 255 x "
        "2^7: a_in = 1044480, a_in << 6 = 66846720); the out-of-range u is "
        "stored as is (int32) and decayed/used in the next steps. In "
        f"'edge-a-in-over-16bit-binary' rows 0-1: u = {u_big}.",
        f"U AT +-2^23: Lava keeps +2^23 = {1 << 23} (d = +2^23 is not > "
        f"2^23) and maps -2^23 to +2^23 (d <= -2^23 -> d + 2^24). In "
        f"'edge-u-exact-2pow23' row 1: a_in*64 = +2^23 gives u = {u_pos}, "
        f"a_in*64 = -2^23 gives u = {u_neg}. So u in [-2^23+1, +2^23] for "
        "in-range d.",
        "V UPDATE (exact): v' = int32(int32(trunc0(v * (4096 - dv) / 4096) + "
        "u_new) + bias), bias = bias_mant << bias_exp (int32; Lava would "
        "right-shift for a negative bias_exp, not used here), then clipped "
        "to [-(2^23-1), 2^23-1] (no 'dm_offset': dv = 0 means no decay, "
        "dv = 4095 leaves (v*1)>>12). Spike iff v' > vth << 6 (strict; "
        "vth used as given, not clipped to 17 bits), then v = 0 for "
        f"spiking neurons. Observed min v in 'edge-v-sat-neg': {vmin}; max v "
        f"in 'edge-v-sat-pos-vth-out-of-range-131072': {vmax}.",
        "POSITIVE V SATURATION IS INVISIBLE WITH LEGAL vth: max vth "
        "131071 << 6 = 8388544 < 2^23-1 = 8388607, so a saturated v always "
        "spikes and is reset to 0 in the same step ('edge-v-sat-pos-vth-max'"
        "). 'edge-v-sat-pos-vth-out-of-range-131072' uses vth = 131072 "
        "(outside the documented 17-bit range; Lava accepts it) to show "
        "v = 8388607 held.",
        f"THRESHOLD TIE: v == vth << 6 does not spike ('edge-threshold-tie', "
        f"neuron 0, row 3: v = {tie_v0}, s = {tie_s0}).",
        "WEIGHTS: Dense's first run_spk does clip_weights(num_bits=8) then "
        "truncate_weights(num_weight_bits) from lava.utils.weightutils; "
        "'weights_effective' is the Dense weights Var read back after the "
        "run. sign_mode: the Dense kwarg if given (cases named "
        "'explicit-sign-*', 'edge-neg-weight-exp*', 'edge-decay-*' pass it), "
        "else determine_sign_mode(weights): min >= 0 -> EXCITATORY (also "
        "for an all-zero matrix), max <= 0 -> INHIBITORY, else MIXED. "
        "MIXED: clip to [-256, 255], then (w >> k) << k with k = 9 - "
        "num_weight_bits (arithmetic shift = floor: -3 -> -4; nwb 8 makes "
        "every weight even; nwb 1 maps every w >= 0 to 0 and every w < 0 "
        "to -256). EXCITATORY: clip to [0, 255] (negatives -> 0), k = 8 - "
        "num_weight_bits. INHIBITORY: negate, clip to [0, 255], truncate "
        "with k = 8 - num_weight_bits, negate back (so -256 -> -255, "
        "truncation toward zero). The truncated weight is NOT rescaled (the "
        "Dense docstring's 'w_scale = 8 - num_weight_bits + weight_exp + "
        "isMixed' is not what the bit-accurate model computes): only "
        "weight_exp scales, applied to the summed activation.",
        "LIF PARAMETERS: du, dv, vth are used as given Python ints; "
        "bias_mant / bias_exp are stored as int16 arrays, u / v as int32; "
        "no range checks anywhere.",
    ]
    if mismatch:
        notes.append("WARNING: the restated arithmetic disagrees with Lava "
                     f"for cases: {', '.join(mismatch)} (Lava's trace is "
                     "the golden value).")
    else:
        notes.append("CROSS-CHECK: a pure-Python restatement of the above "
                     "(reference_run in the generator) reproduces Lava's "
                     f"a_in/u/v/s traces bit-exactly for all "
                     f"{len(results)} cases run.")
    if wref_mismatch:
        notes.append("WARNING: restated weight clip/truncate disagrees with "
                     f"Lava for: {', '.join(wref_mismatch)}.")
    if args.cases_from:
        notes.append(f"After the built-in cases: {len(loaded)} cases taken "
                     f"from {os.path.basename(args.cases_from)} "
                     "(--cases-from), run through Lava the same way. A case's "
                     "lif.bias_from_step N means the bias was 0 for steps "
                     "0..N-1 and set (lif.bias_mant.set) before step N.")
    print("reference mismatches:", mismatch or "none",
          "| weight-rule mismatches:", wref_mismatch or "none")

    out_cases = []
    for c in cases:
        trace, w_eff, mode, _ = results[id(c)]
        oc = dict(c)
        oc["dense"] = {"weights": c["dense"]["weights"],
                       "weights_effective": w_eff,
                       "weight_exp": c["dense"]["weight_exp"],
                       "num_weight_bits": c["dense"]["num_weight_bits"],
                       "num_message_bits": c["dense"]["num_message_bits"],
                       "sign_mode": mode}
        oc["trace"] = trace
        out_cases.append(oc)

    doc = {
        "generator": GENERATOR,
        "lava_repository": LAVA_REPOSITORY,
        "lava_commit": commit,
        "python": platform.python_version(),
        "numpy": np.__version__,
        "compatibility_edit": compat,
        "notes": notes,
        "cases": out_cases,
    }
    text = dumps(doc) + "\n"
    json.loads(text)
    out = os.path.normpath(os.path.abspath(args.out))
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w") as f:
        f.write(text)
    print(f"wrote {out}: {len(out_cases)} cases, {len(text)} bytes")
    return 1 if (mismatch or wref_mismatch) else 0


if __name__ == "__main__":
    sys.exit(main())

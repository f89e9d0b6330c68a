package org.spiketc.sim.reference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spiketc.common.Cancellation;
import org.spiketc.common.UserInputException;
import org.spiketc.compiler.frontend.PaperTerm;
import org.spiketc.compiler.ir.Add;
import org.spiketc.compiler.ir.BatchNorm;
import org.spiketc.compiler.ir.Conv2d;
import org.spiketc.compiler.ir.Graph;
import org.spiketc.compiler.ir.Hadamard;
import org.spiketc.compiler.ir.HeadMatMul;
import org.spiketc.compiler.ir.Input;
import org.spiketc.compiler.ir.IrException;
import org.spiketc.compiler.ir.Lif;
import org.spiketc.compiler.ir.MaxPool;
import org.spiketc.compiler.ir.MeanTime;
import org.spiketc.compiler.ir.Node;
import org.spiketc.compiler.ir.Output;
import org.spiketc.compiler.ir.ReduceTokens;
import org.spiketc.compiler.ir.ScaleByConstant;
import org.spiketc.compiler.passes.ActivationRanges;
import org.spiketc.sim.InferenceEngine;
import org.spiketc.sim.InferenceResult;
import org.spiketc.sim.LayerActivity;
import org.spiketc.sim.PaperEnergy;
import org.spiketc.sim.Traffic;
import org.spiketc.tensor.Shape;

/**
 * Runs the front-end graph in float32 with PyTorch's semantics: the image repeated over T, inference
 * BatchNorm as x·(gamma·invstd) + (beta − mean·gamma·invstd) (ATen's CPU form), SpikingJelly's LIF
 * (H = V + (X − V)/tau, spike on H ≥ threshold, hard reset to 0), max-pool with −inf padding, spike
 * matrix products per head, means over tokens then time. Summation order inside a convolution differs
 * from PyTorch's BLAS, so values can differ in the last bits; a membrane that lands within 1e-5 of
 * its threshold is counted as {@link LayerActivity#nearThreshold()} because such a spike can flip.
 *
 * <p>Also counts, per layer, spikes and synaptic operations (non-zero inputs times the synapses each
 * drives, at every step) and the papers' energy estimate from the firing rates ({@link PaperEnergy}). One instance may run many
 * inferences concurrently: it keeps no per-inference state.
 */
public final class ReferenceSimulator implements InferenceEngine {
    /** A membrane this close to its threshold may flip under another summation order. */
    public static final float TIE_MARGIN = 1e-5f;

    private final Graph graph;
    private final Node[] nodes;
    private final int[][] operands;
    private final Map<String, float[]> transposedWeights = new HashMap<>();
    private final int timeSteps;
    private final Map<String, Integer> index = new HashMap<>();
    private final List<PaperTerm> paperTerms;
    /** Per node: whether some term of the papers' formula takes its firing rate. */
    private final boolean[] rateSource;

    public ReferenceSimulator(Graph graph) {
        this.graph = graph;
        this.timeSteps = graph.timeSteps();
        this.nodes = graph.nodes().toArray(Node[]::new);
        for (int i = 0; i < nodes.length; i++) {
            index.put(nodes[i].name(), i);
        }
        paperTerms = PaperTerm.of(graph);
        rateSource = new boolean[nodes.length];
        for (PaperTerm t : paperTerms) {
            if (!t.analog()) {
                rateSource[index.get(t.rateSource())] = true;
            }
        }
        operands = new int[nodes.length][];
        for (int i = 0; i < nodes.length; i++) {
            Node n = nodes[i];
            operands[i] = n.inputs().stream().mapToInt(index::get).toArray();
            if (n.op() instanceof Conv2d c) {
                transposedWeights.put(n.name(), transpose(c));
            } else if (!(n.op() instanceof Input || n.op() instanceof Output || n.op() instanceof BatchNorm
                    || n.op() instanceof Lif || n.op() instanceof MaxPool || n.op() instanceof Add || n.op() instanceof ScaleByConstant
                    || n.op() instanceof HeadMatMul || n.op() instanceof Hadamard || n.op() instanceof ReduceTokens
                    || n.op() instanceof MeanTime)) {
                throw new IrException("the reference simulator runs front-end graphs; " + n.name() + " is a "
                        + n.op().kind());
            }
        }
    }

    public Graph graph() {
        return graph;
    }

    @Override
    public String name() {
        return "reference";
    }

    /** The input shape a sample must have. */
    public Shape inputShape() {
        return ((Input) nodes[0].op()).shape();
    }

    /** One inference on an image of {@link #inputShape()} (row-major [C, H, W]). */
    @Override
    public InferenceResult run(float[] image) {
        return run(image, null);
    }

    /**
     * Runs calibration images and returns, per LIF layer and channel, the largest |input current| they
     * produced (over time steps and neurons): the statistics {@link ActivationRanges} gives the compiler.
     */
    public ActivationRanges calibrate(float[][] images, String source, Cancellation cancel) {
        Map<String, float[]> ranges = new LinkedHashMap<>();
        for (float[] image : images) {
            cancel.check();
            run(image, ranges);
        }
        return new ActivationRanges(source, images.length, ranges);
    }

    /** One inference; with {@code ranges}, each LIF layer's largest |input| per channel is merged into it. */
    private InferenceResult run(float[] image, Map<String, float[]> ranges) {
        if (image.length != inputShape().size()) {
            throw new UserInputException("image has " + image.length + " values, the model expects " + inputShape()
                    + " = " + inputShape().size());
        }
        float[][][] values = new float[nodes.length][][];
        List<LayerActivity> activity = new ArrayList<>();
        long[] nonZero = new long[nodes.length];
        long ops = 0;
        long spikes = 0;
        for (int i = 0; i < nodes.length; i++) {
            Node n = nodes[i];
            float[][] in0 = operands[i].length > 0 ? values[operands[i][0]] : null;
            Step step = new Step(n, in0, operands[i].length > 1 ? values[operands[i][1]] : null);
            values[i] = evaluate(step, image);
            if (rateSource[i]) {
                // a LIF layer counted its spikes while it fired; other sources (pooling, adds, masks) are counted here
                nonZero[i] = n.op() instanceof Lif ? step.spikes : nonZero(values[i]);
            }
            if (ranges != null && n.op() instanceof Lif) {
                recordRange(n, in0, ranges.computeIfAbsent(n.name(), k -> new float[n.type().shape().dim(0)]));
            }
            if (step.ops > 0 || step.spikes > 0 || n.op() instanceof Lif || rateSource[i]) {
                boolean analog = n.op() instanceof Conv2d && nodes[operands[i][0]].op() instanceof Input;
                long neurons = n.type().shape().longSize();
                activity.add(new LayerActivity(n.name(), step.spikes, neurons,
                        (double) step.spikes / (neurons * n.type().timeSteps()), step.ops, analog, step.nearThreshold, 0, 0,
                        rateSource[i] ? nonZero[i] : step.spikes));
                ops += step.ops;
                spikes += step.spikes;
            }
        }
        float[] logits = values[nodes.length - 1][0];
        int best = 0;
        for (int c = 1; c < logits.length; c++) {
            if (logits[c] > logits[best]) {
                best = c;
            }
        }
        PaperEnergy.Count paper = PaperEnergy.count(paperTerms, timeSteps, name -> nonZero[index.get(name)]);
        return new InferenceResult(logits.clone(), best, activity, ops, spikes, paper, Double.NaN,
                Double.NaN, Map.of(), Traffic.NONE, new long[0]);
    }

    /** One node's evaluation and what it counted. */
    private static final class Step {
        final Node node;
        final float[][] a;
        final float[][] b;
        long ops;
        long spikes;
        long nearThreshold;

        Step(Node node, float[][] a, float[][] b) {
            this.node = node;
            this.a = a;
            this.b = b;
        }
    }

    private float[][] evaluate(Step s, float[] image) {
        Node n = s.node;
        int t = n.type().timeSteps();
        float[][] out = new float[t][];
        if (n.op() instanceof Input) {
            Arrays.fill(out, image);
        } else if (n.op() instanceof Output) {
            return s.a;
        } else if (n.op() instanceof Conv2d c) {
            Shape in = graph.node(n.inputs().get(0)).type().shape();
            long stepOps = 0;
            for (int k = 0; k < t; k++) {
                if (k > 0 && s.a[k] == s.a[k - 1]) {
                    // A static image is the same array at every step: its (pure) convolution is too, and
                    // the synapses do the same work again.
                    out[k] = out[k - 1];
                    s.ops += stepOps;
                } else {
                    long before = s.ops;
                    out[k] = conv(c, transposedWeights.get(n.name()), s.a[k], in, n.type().shape(), s);
                    stepOps = s.ops - before;
                }
            }
        } else if (n.op() instanceof BatchNorm bn) {
            for (int k = 0; k < t; k++) {
                out[k] = batchNorm(bn, s.a[k], n.type().shape());
            }
        } else if (n.op() instanceof Lif lif) {
            lif(lif, s, out);
        } else if (n.op() instanceof MaxPool p) {
            for (int k = 0; k < t; k++) {
                out[k] = maxPool(p, s.a[k], graph.node(n.inputs().get(0)).type().shape(), n.type().shape());
            }
        } else if (n.op() instanceof Add) {
            for (int k = 0; k < t; k++) {
                float[] r = new float[s.a[k].length];
                for (int j = 0; j < r.length; j++) {
                    r[j] = s.a[k][j] + s.b[k][j];
                }
                out[k] = r;
            }
        } else if (n.op() instanceof ScaleByConstant sc) {
            float f = (float) sc.factor();
            for (int k = 0; k < t; k++) {
                float[] r = new float[s.a[k].length];
                for (int j = 0; j < r.length; j++) {
                    r[j] = s.a[k][j] * f;
                }
                out[k] = r;
            }
        } else if (n.op() instanceof HeadMatMul mm) {
            for (int k = 0; k < t; k++) {
                out[k] = SpikeMatMul.apply(mm, s.a[k], s.b[k], graph.node(n.inputs().get(0)).type().shape(),
                        graph.node(n.inputs().get(1)).type().shape(), s);
            }
        } else if (n.op() instanceof Hadamard) {
            for (int k = 0; k < t; k++) {
                out[k] = hadamard(s.a[k], s.b[k], s);
            }
        } else if (n.op() instanceof ReduceTokens reduce) {
            boolean mean = reduce.mode() == ReduceTokens.Mode.MEAN;
            Shape in = graph.node(n.inputs().get(0)).type().shape();
            int c = in.dim(0);
            int tokens = in.dim(1) * in.dim(2);
            for (int k = 0; k < t; k++) {
                float[] r = new float[c];
                for (int ch = 0; ch < c; ch++) {
                    float sum = 0;
                    for (int p = 0; p < tokens; p++) {
                        float v = s.a[k][ch * tokens + p];
                        sum += v;
                        if (!mean && v != 0) {
                            s.ops++;
                        }
                    }
                    r[ch] = mean ? sum / tokens : sum;
                }
                out[k] = r;
            }
        } else if (n.op() instanceof MeanTime) {
            int steps = s.a.length;
            float[] r = new float[s.a[0].length];
            for (float[] step : s.a) {
                for (int j = 0; j < r.length; j++) {
                    r[j] += step[j];
                }
            }
            for (int j = 0; j < r.length; j++) {
                r[j] /= steps;
            }
            out[0] = r;
        }
        return out;
    }

    private static void recordRange(Node n, float[][] input, float[] max) {
        int per = input[0].length / max.length;
        for (float[] step : input) {
            for (int j = 0; j < step.length; j++) {
                max[j / per] = Math.max(max[j / per], Math.abs(step[j]));
            }
        }
    }

    /** SpikingJelly MultiStepLIFNode: H = V + (X − V)/tau; S = H ≥ V_th; V = H·(1 − S). */
    private static void lif(Lif lif, Step s, float[][] out) {
        float tau = (float) lif.tau();
        float vth = (float) lif.threshold();
        int size = s.a[0].length;
        float[] v = new float[size];
        for (int k = 0; k < out.length; k++) {
            float[] x = s.a[k];
            float[] spk = new float[size];
            for (int j = 0; j < size; j++) {
                float h = v[j] + (x[j] - v[j]) / tau;
                if (Math.abs(h - vth) < TIE_MARGIN) {
                    s.nearThreshold++;
                }
                if (h >= vth) {
                    spk[j] = 1f;
                    v[j] = 0f;
                    s.spikes++;
                } else {
                    v[j] = h;
                }
            }
            out[k] = spk;
        }
    }

    /** Weights [Cout, Cin, k, k] as [Cin, k, k, Cout], so one input event adds a contiguous row. */
    private static float[] transpose(Conv2d c) {
        float[] w = c.weight().data();
        int co = c.outChannels();
        int ci = c.inChannels();
        int kk = c.kernel() * c.kernel();
        float[] t = new float[w.length];
        for (int o = 0; o < co; o++) {
            for (int i = 0; i < ci; i++) {
                for (int q = 0; q < kk; q++) {
                    // taps of a kernel row reversed: the outputs one input reaches through a row are then adjacent
                    int k = c.kernel();
                    t[((i * k + q / k) * k + (k - 1 - q % k)) * co + o] = w[(o * ci + i) * kk + q];
                }
            }
        }
        return t;
    }

    /**
     * Event-driven convolution (stride 1): every non-zero input adds its value times a weight row to the
     * outputs its window reaches. Zero inputs cost nothing, which is what makes spiking inputs cheap.
     */
    private static float[] conv(Conv2d c, float[] wT, float[] x, Shape in, Shape outShape, Step s) {
        int cin = in.dim(0);
        int h = in.dim(1);
        int w = in.dim(2);
        int co = outShape.dim(0);
        int ho = outShape.dim(1);
        int wo = outShape.dim(2);
        int k = c.kernel();
        int p = c.padding();
        if (c.stride() != 1) {
            throw new IrException("reference convolution supports stride 1 only");
        }
        float[] acc = new float[ho * wo * co]; // [y][x][co]
        long ops = 0;
        for (int ci = 0; ci < cin; ci++) {
            for (int iy = 0; iy < h; iy++) {
                for (int ix = 0; ix < w; ix++) {
                    float v = x[(ci * h + iy) * w + ix];
                    if (v == 0f) {
                        continue;
                    }
                    for (int ky = 0; ky < k; ky++) {
                        int oy = iy - ky + p;
                        if (oy < 0 || oy >= ho) {
                            continue;
                        }
                        // Reversed taps 0..k-1 reach outputs oxStart .. oxStart+k-1: one run, clipped at the edges.
                        int oxStart = ix + p - (k - 1);
                        int a = Math.max(0, -oxStart);
                        int b = Math.min(k - 1, wo - 1 - oxStart);
                        if (a > b) {
                            continue;
                        }
                        int len = (b - a + 1) * co;
                        addRun(acc, (oy * wo + oxStart + a) * co, wT, ((ci * k + ky) * k + a) * co, len, v);
                        ops += len;
                    }
                }
            }
        }
        s.ops += ops;
        float[] bias = c.bias() == null ? null : c.bias().data();
        float[] out = new float[co * ho * wo];
        for (int o = 0; o < co; o++) {
            float b = bias == null ? 0f : bias[o];
            for (int q = 0; q < ho * wo; q++) {
                out[o * ho * wo + q] = acc[q * co + o] + b;
            }
        }
        return out;
    }

    private static long nonZero(float[][] steps) {
        long n = 0;
        for (float[] step : steps) {
            for (float v : step) {
                n += v != 0 ? 1 : 0;
            }
        }
        return n;
    }

    /** acc[o..o+n) += v · w[b..b+n); a spike (v = 1) needs no multiply and gives the same floats. */
    private static void addRun(float[] acc, int o, float[] w, int b, int n, float v) {
        if (v == 1f) {
            for (int i = 0; i < n; i++) {
                acc[o + i] += w[b + i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                acc[o + i] += v * w[b + i];
            }
        }
    }


    /** ATen's CPU inference form: alpha = gamma·invstd, beta = bias − mean·alpha, y = x·alpha + beta. */
    private static float[] batchNorm(BatchNorm bn, float[] x, Shape shape) {
        int c = shape.dim(0);
        int per = x.length / c;
        float[] g = bn.gamma().data();
        float[] be = bn.beta().data();
        float[] m = bn.mean().data();
        float[] var = bn.var().data();
        float[] y = new float[x.length];
        for (int ch = 0; ch < c; ch++) {
            float invstd = 1f / (float) Math.sqrt(var[ch] + (float) bn.eps());
            float alpha = invstd * g[ch];
            float beta = be[ch] - m[ch] * alpha;
            for (int q = ch * per, e = q + per; q < e; q++) {
                y[q] = x[q] * alpha + beta;
            }
        }
        return y;
    }

    private static float[] maxPool(MaxPool p, float[] x, Shape in, Shape out) {
        int c = in.dim(0);
        int h = in.dim(1);
        int w = in.dim(2);
        int ho = out.dim(1);
        int wo = out.dim(2);
        float[] y = new float[c * ho * wo];
        for (int ch = 0; ch < c; ch++) {
            for (int oy = 0; oy < ho; oy++) {
                for (int ox = 0; ox < wo; ox++) {
                    float m = Float.NEGATIVE_INFINITY;
                    for (int ky = 0; ky < p.kernel(); ky++) {
                        int iy = oy * p.stride() - p.padding() + ky;
                        if (iy < 0 || iy >= h) {
                            continue;
                        }
                        for (int kx = 0; kx < p.kernel(); kx++) {
                            int ix = ox * p.stride() - p.padding() + kx;
                            if (ix >= 0 && ix < w) {
                                m = Math.max(m, x[(ch * h + iy) * w + ix]);
                            }
                        }
                    }
                    y[(ch * ho + oy) * wo + ox] = m;
                }
            }
        }
        return y;
    }

    private static float[] hadamard(float[] a, float[] b, Step s) {
        float[] r = new float[a.length];
        int per = a.length / (b.length == a.length ? a.length : b.length);
        for (int j = 0; j < a.length; j++) {
            float bv = b.length == a.length ? b[j] : b[j / per];
            r[j] = a[j] * bv;
            if (a[j] != 0) {
                s.ops++;
            }
        }
        return r;
    }

    /** Per-head spike matrix products on [C, N] layouts (see {@link HeadMatMul}); counts non-zero left operands × fan-out. */
    private static final class SpikeMatMul {
        static float[] apply(HeadMatMul mm, float[] a, float[] b, Shape sa, Shape sb, Step s) {
            int h = mm.heads();
            switch (mm.product()) {
                case QK: {
                    int c = sa.dim(0);
                    int n = sa.dim(1) * sa.dim(2);
                    int d = c / h;
                    float[] r = new float[h * n * n];
                    for (int hh = 0; hh < h; hh++) {
                        for (int j = 0; j < d; j++) {
                            int row = (hh * d + j) * n;
                            for (int i = 0; i < n; i++) {
                                float q = a[row + i];
                                if (q == 0) {
                                    continue;
                                }
                                s.ops += n;
                                int out = (hh * n + i) * n;
                                for (int m = 0; m < n; m++) {
                                    r[out + m] += q * b[row + m];
                                }
                            }
                        }
                    }
                    return r;
                }
                case AV: {
                    int c = sb.dim(0);
                    int n = sb.dim(1) * sb.dim(2);
                    int d = c / h;
                    float[] r = new float[c * n];
                    for (int hh = 0; hh < h; hh++) {
                        for (int i = 0; i < n; i++) {
                            for (int m = 0; m < n; m++) {
                                float att = a[(hh * n + i) * n + m];
                                if (att == 0) {
                                    continue;
                                }
                                s.ops += d;
                                for (int j = 0; j < d; j++) {
                                    r[(hh * d + j) * n + i] += att * b[(hh * d + j) * n + m];
                                }
                            }
                        }
                    }
                    return r;
                }
                case KV: {
                    int c = sa.dim(0);
                    int n = sa.dim(1) * sa.dim(2);
                    int d = c / h;
                    float[] r = new float[h * d * d];
                    for (int hh = 0; hh < h; hh++) {
                        for (int i = 0; i < d; i++) {
                            for (int t = 0; t < n; t++) {
                                float kv = a[(hh * d + i) * n + t];
                                if (kv == 0) {
                                    continue;
                                }
                                s.ops += d;
                                for (int j = 0; j < d; j++) {
                                    r[(hh * d + i) * d + j] += kv * b[(hh * d + j) * n + t];
                                }
                            }
                        }
                    }
                    return r;
                }
                case QM: {
                    int c = sa.dim(0);
                    int n = sa.dim(1) * sa.dim(2);
                    int d = c / h;
                    float[] r = new float[c * n];
                    for (int hh = 0; hh < h; hh++) {
                        for (int i = 0; i < d; i++) {
                            for (int t = 0; t < n; t++) {
                                float q = a[(hh * d + i) * n + t];
                                if (q == 0) {
                                    continue;
                                }
                                s.ops += d;
                                for (int j = 0; j < d; j++) {
                                    r[(hh * d + j) * n + t] += q * b[(hh * d + i) * d + j];
                                }
                            }
                        }
                    }
                    return r;
                }
                default:
                    throw new AssertionError(mm.product());
            }
        }
    }
}

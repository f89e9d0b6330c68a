package org.spiketc.compiler.passes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.spiketc.compiler.ir.Connection;
import org.spiketc.compiler.ir.FixedPointParams;
import org.spiketc.compiler.ir.Gate;
import org.spiketc.compiler.ir.Graph;
import org.spiketc.compiler.ir.GraphBuilder;
import org.spiketc.compiler.ir.Input;
import org.spiketc.compiler.ir.IrException;
import org.spiketc.compiler.ir.Neuron;
import org.spiketc.compiler.ir.NeuronLayer;
import org.spiketc.compiler.ir.Node;
import org.spiketc.compiler.ir.Output;
import org.spiketc.compiler.ir.QuantizedSynapses;
import org.spiketc.compiler.ir.Synapses;
import org.spiketc.compiler.pass.Pass;
import org.spiketc.compiler.pass.PassContext;
import org.spiketc.compiler.pass.PassInfo;
import org.spiketc.hw.HardwareProfile;
import org.spiketc.hw.LoihiArithmetic;
import org.spiketc.tensor.LazyTensor;
import org.spiketc.tensor.Tensor;

/**
 * Quantizes every synapse group to signed {@code bits}-bit mantissas per output channel and derives
 * the integer neuron parameters ({@link FixedPointParams}) in the chip's format ({@link LoihiArithmetic}).
 *
 * <p>Every population's output has a unit per channel: 1 for spikes, the membrane LSB for graded
 * payloads. For output channel c of a layer, each synapse's effective weight is
 * w·scale·unit(source channel); with s_c = max|effective weight| / (2^(bits−1) − 1) the mantissa is
 * round(w_eff / s_c) (half away from zero).
 *
 * <p>A LIF channel's synaptic sum S (in mantissa units) reaches the membrane as (S·2^e) &lt;&lt; 6, so one
 * membrane unit is worth s_c / 2^(e+6); the threshold is the 17-bit vth with v &gt; vth·2^6 firing, and the
 * bias a 13-bit mantissa with a 3-bit exponent. The exponent e is the largest the chip's weight-exponent
 * range allows whose worst case still fits the registers: with S_max the largest |S| the weights can
 * produce from their sources' largest values (255 for pixels, 1 for spikes, a relay's own bound),
 * S_max·2^(e+6) must not wrap u, neither the threshold plus the largest input nor the most negative
 * membrane the leak allows may saturate v, and the bias must fit its register (±4095·2^7, a sixteenth of
 * v's range). With {@link ActivationRanges} from calibration images, S_max is
 * instead the largest input current those images produced (plus the bias it includes), in mantissa units:
 * larger exponents, finer biases and thresholds, and no overflow on those images, but no guarantee on
 * others. The membrane holds tau·V, so that the decay-input LIF becomes v ← v·(1 − 1/tau) + input (decay
 * 4096/tau in 12 bits). Relays and accumulators keep LSB = s_c.
 *
 * <p>The host sends the image as graded payloads with an LSB of 1/255, so 8-bit pixels arrive exactly.
 * Reports per layer {@code weight_rel_rmse} (‖w_q − w‖ / ‖w‖), {@code threshold_rel_error},
 * {@code bias_rel_error} (largest error of a bias rounded to mantissa·2^exponent), {@code weight_exp} (the
 * smallest chosen), {@code range_use} (|u| or |v| at S_max over the register's limit; above 1 the layer
 * can overflow) and {@code expected_overflow_channels} (channels whose S_max does not fit even at the
 * smallest exponent); counters {@code weights}, {@code zero_mantissas}, {@code bias_saturated},
 * {@code bias_rounded}.
 */
public final class QuantizeWeights implements Pass {
    public static final String ID = "quantize-weights";
    /** Value of one unit of the 8-bit graded input payload. */
    public static final float INPUT_LSB = 1f / 255;
    /** Largest value of the host's 8-bit graded input, in input-LSB units. */
    private static final double INPUT_MAX = 255;
    /** Layers with more weights than this quantize their channels in parallel. */
    private static final int PARALLEL_MIN = 1 << 18;

    private final int bits;
    /** Calibration statistics, or null for exponents sized to the worst case of the weights. */
    private final ActivationRanges ranges;

    public QuantizeWeights(int bits) {
        this(bits, null);
    }

    public QuantizeWeights(int bits, ActivationRanges ranges) {
        if (bits < PipelineOptions.MIN_BITS || bits > PipelineOptions.MAX_BITS) {
            throw new IllegalArgumentException("bits must be " + PipelineOptions.MIN_BITS + ".." + PipelineOptions.MAX_BITS);
        }
        this.bits = bits;
        this.ranges = ranges;
    }

    @Override
    public PassInfo info() {
        return new PassInfo(ID, "per-channel weight quantization into the target's mantissa/exponent format",
                Map.of("bits", Integer.toString(bits), "ranges", ranges == null ? "worst case of the weights" : ranges.describe()),
                true);
    }

    @Override
    public Graph run(Graph g, PassContext ctx) {
        HardwareProfile.Chip chip = ctx.target().chip();
        if (bits > chip.maxWeightBits().intValue()) {
            throw new IllegalArgumentException(bits + "-bit weights exceed the target's " + chip.maxWeightBits().intValue());
        }
        Map<String, float[]> units = new HashMap<>();
        // per node and output channel: the largest |value| it can send, in its own units
        Map<String, double[]> bounds = new HashMap<>();
        GraphBuilder b = g.toBuilder();
        for (Node n : g.nodes()) {
            ctx.cancellation().check();
            if (n.op() instanceof Input in) {
                float[] u = new float[in.shape().dim(0)];
                Arrays.fill(u, INPUT_LSB);
                units.put(n.name(), u);
                double[] bound = new double[u.length];
                Arrays.fill(bound, INPUT_MAX);
                bounds.put(n.name(), bound);
                b.copy(n, n.inputs());
            } else if (n.op() instanceof Gate gate) {
                units.put(n.name(), gateUnits(gate, n, units));
                bounds.put(n.name(), gateBounds(n, bounds));
                b.copy(n, n.inputs());
            } else if (n.op() instanceof NeuronLayer l) {
                List<float[]> in = n.inputs().stream().map(units::get).toList();
                List<double[]> inBounds = n.inputs().stream().map(bounds::get).toList();
                List<Integer> tokens = n.inputs().stream().map(s -> tokensOf(g.node(s))).toList();
                Quantized q = quantize(n, l, in, inBounds, tokens, chip, ctx);
                units.put(n.name(), q.outUnits);
                bounds.put(n.name(), q.outBounds);
                b.add(n.name(), q.layer, n.inputs());
            } else if (n.op() instanceof Output) {
                b.copy(n, n.inputs());
            } else {
                throw new IrException(n.name() + ": quantize-weights needs fused layers, found " + n.op().kind());
            }
        }
        return b.build();
    }

    private static float[] gateUnits(Gate gate, Node n, Map<String, float[]> units) {
        float[] ua = units.get(n.inputs().get(0));
        float[] ub = units.get(n.inputs().get(1));
        int dim0 = n.type().shape().dim(0);
        float[] u = new float[dim0];
        for (int c = 0; c < dim0; c++) {
            u[c] = ua[c] * ub[c];
        }
        return u;
    }

    /** The gate's product can be as large as the product of its operands' bounds. */
    private static double[] gateBounds(Node n, Map<String, double[]> bounds) {
        double[] a = bounds.get(n.inputs().get(0));
        double[] b = bounds.get(n.inputs().get(1));
        double[] u = new double[n.type().shape().dim(0)];
        for (int c = 0; c < u.length; c++) {
            u[c] = a[c] * b[c];
        }
        return u;
    }

    /** Values per channel of a node's output (tokens). */
    private static int tokensOf(Node n) {
        return n.type().shape().size() / n.type().shape().dim(0);
    }

    private record Quantized(NeuronLayer layer, float[] outUnits, double[] outBounds) {
    }

    private Quantized quantize(Node n, NeuronLayer l, List<float[]> inUnits, List<double[]> inBounds, List<Integer> tokens,
            HardwareProfile.Chip chip, PassContext ctx) {
        int cout = n.type().shape().dim(0);
        int mmax = (1 << (bits - 1)) - 1;
        if (l.neuron() instanceof Neuron.Relay r && r.reduce() == Neuron.Relay.Reduce.MAX) {
            // A max passes values through: same unit as its source, unit mantissas.
            float[] u = channelUnits(inUnits.get(0), cout);
            byte[] ones = new byte[cout];
            Arrays.fill(ones, (byte) 1);
            List<Synapses> syn = List.of(l.synapses().get(0).withQuantized(new QuantizedSynapses(bits, ones, cout)));
            FixedPointParams fp = new FixedPointParams(u, new int[cout], new int[cout], new int[cout], new int[cout], 0, 0);
            return new Quantized(new NeuronLayer(syn, l.neuron(), l.bias(), fp), u, channelBounds(inBounds.get(0), cout));
        }
        // Step 1: per output channel, the largest effective weight over all groups.
        int groups = l.synapses().size();
        float[][] data = new float[groups][];
        double[] maxAbs = new double[cout];
        for (int i = 0; i < groups; i++) {
            Synapses s = l.synapses().get(i);
            float[] us = inUnits.get(i);
            if (s.weight() != null) {
                float[] w = data[i] = s.weight().data();
                int per = w.length / cout;
                int span = spatial(s);
                maxAbsPerChannel(w, expand(us, per, span), cout, Math.abs(s.scale()), maxAbs, w.length > PARALLEL_MIN);
            } else if (!isGateOperand(s)) {
                float[] u = unitWeights(l, i, inUnits, cout);
                for (int o = 0; o < cout; o++) {
                    maxAbs[o] = Math.max(maxAbs[o], Math.abs(s.scale() * u[o]));
                }
            }
        }
        double[] step = new double[cout];
        for (int o = 0; o < cout; o++) {
            step[o] = maxAbs[o] > 0 ? maxAbs[o] / mmax : 1.0;
        }
        // Step 2: mantissas and the error they make; the float weights become a view of the mantissas.
        double errSq = 0;
        double normSq = 0;
        long zeros = 0;
        long total = 0;
        double[] sumBound = new double[cout]; // the largest |synaptic sum| per channel, in mantissa units
        List<Synapses> syn = new ArrayList<>();
        for (int i = 0; i < groups; i++) {
            Synapses s = l.synapses().get(i);
            float[] us = inUnits.get(i);
            byte[] m;
            Synapses quantized;
            if (s.weight() != null) {
                float[] w = data[i];
                int per = w.length / cout;
                int span = spatial(s);
                m = new byte[w.length];
                float scale = (float) s.scale();
                float[] u = expand(us, per, span);
                for (int j = 0; j < per; j++) {
                    u[j] *= scale;
                }
                // Channels are independent: large layers use all cores; the error sums are merged in channel order.
                double[][] errNorm = new double[cout][2];
                byte[] mm = m;
                IntStream range = IntStream.range(0, cout);
                (w.length > PARALLEL_MIN ? range.parallel() : range).forEach(o ->
                        quantizeChannel(w, u, o * per, (float) (1 / step[o]), (float) step[o], mmax, mm, errNorm[o]));
                for (double[] en : errNorm) {
                    errSq += en[0];
                    normSq += en[1];
                }
                quantized = s.withWeight(dequantized(s, m, step, us, per, span));
            } else if (isGateOperand(s)) {
                // The second operand of a coincidence term only gates the first: weight 1.
                m = new byte[cout];
                Arrays.fill(m, (byte) 1);
                quantized = s;
            } else {
                float[] u = unitWeights(l, i, inUnits, cout);
                m = new byte[cout];
                for (int o = 0; o < cout; o++) {
                    double eff = s.scale() * u[o];
                    int q = (int) Math.max(-mmax, Math.min(mmax, Math.rint(eff / step[o])));
                    m[o] = (byte) q;
                    double e = q * step[o] - eff;
                    errSq += e * e;
                    normSq += eff * eff;
                }
                quantized = s;
            }
            addSumBound(l, i, m, inBounds, tokens, cout, sumBound);
            long nz = 0;
            for (byte x : m) {
                nz += x != 0 ? 1 : 0;
            }
            zeros += m.length - nz;
            total += m.length;
            syn.add(quantized.withQuantized(new QuantizedSynapses(bits, m, nz)));
        }
        // Step 3: integer neuron parameters.
        FixedPointParams fp = neuronParams(n, l, step, rangeBound(n, l, step, sumBound), chip, ctx);
        ctx.statistics().layer(n.name(), "weight_rel_rmse", normSq > 0 ? Math.sqrt(errSq / normSq) : 0);
        ctx.statistics().count("weights", total);
        ctx.statistics().count("zero_mantissas", zeros);
        boolean lif = l.neuron() instanceof Neuron.LifNeuron;
        float[] outUnits = lif ? ones(cout) : fp.lsb();
        double[] outBounds = new double[cout];
        for (int o = 0; o < cout; o++) {
            outBounds[o] = lif ? 1 : Math.min(LoihiArithmetic.VOLTAGE_MAX,
                    sumBound[o] + Math.abs((double) LoihiArithmetic.effectiveBias(fp.biasMant()[o], fp.biasExp()[o])));
        }
        return new Quantized(new NeuronLayer(syn, l.neuron(), l.bias(), fp), outUnits, outBounds);
    }

    /**
     * The |sum| per channel (mantissa units) a LIF channel's exponent is sized for: from calibration, the
     * largest input current seen plus the channel's bias (which the input includes), else the worst case.
     */
    private double[] rangeBound(Node n, NeuronLayer l, double[] step, double[] worstCase) {
        float[] seen = ranges == null || !(l.neuron() instanceof Neuron.LifNeuron) ? null : ranges.maxAbsInput().get(n.name());
        if (seen == null) {
            return worstCase;
        }
        if (seen.length != step.length) {
            throw new IrException(n.name() + ": calibration has " + seen.length + " channels, the layer " + step.length);
        }
        double[] b = new double[step.length];
        for (int o = 0; o < b.length; o++) {
            double bias = l.bias() == null ? 0 : Math.abs(l.bias().data()[o]);
            b[o] = (seen[o] + bias) / step[o];
        }
        return b;
    }

    /**
     * Adds group i's largest possible |sum| per output channel (mantissa units) to {@code bound}: Σ|m|
     * times the largest value of the source channel each weight reads, times the terms it sums over.
     */
    private static void addSumBound(NeuronLayer l, int i, byte[] m, List<double[]> inBounds, List<Integer> tokens, int cout,
            double[] bound) {
        Synapses s = l.synapses().get(i);
        double[] src = inBounds.get(i);
        if (s.weight() != null) {
            int per = m.length / cout;
            int span = spatial(s);
            // a global dense layer sums every token of its source channel
            int terms = s.connection() instanceof Connection.GlobalDense ? tokens.get(i) : 1;
            double[] reads = new double[per];
            for (int j = 0; j < per; j++) {
                reads[j] = src[j / span];
            }
            // channels are independent: large layers use all cores, as the quantization itself does
            IntStream range = IntStream.range(0, cout);
            (m.length > PARALLEL_MIN ? range.parallel() : range).forEach(o -> bound[o] += channelSumBound(m, o * per, reads) * terms);
        } else if (s.connection() instanceof Connection.Coincidence k) {
            if (k.operand() == 1) {
                return; // the gating operand's bound is taken with operand 0
            }
            double a = max(src);
            double b = max(inBounds.get(i + 1));
            for (int o = 0; o < cout; o++) {
                bound[o] += Math.abs(m[o]) * (double) k.terms() * a * b;
            }
        } else {
            double[] c = channelBounds(src, cout);
            int terms = s.connection() instanceof Connection.TokenSum ? tokens.get(i) : 1;
            for (int o = 0; o < cout; o++) {
                bound[o] += Math.abs(m[o]) * c[o] * terms;
            }
        }
    }

    /** Σ|m|·largest input over one channel's weights. Kept small for the JIT. */
    private static double channelSumBound(byte[] m, int base, double[] reads) {
        double sum = 0;
        for (int j = 0; j < reads.length; j++) {
            sum += Math.abs(m[base + j]) * reads[j];
        }
        return sum;
    }

    private static double max(double[] x) {
        double m = 0;
        for (double v : x) {
            m = Math.max(m, v);
        }
        return m;
    }

    private static double[] channelBounds(double[] src, int cout) {
        return Arrays.copyOf(src, cout);
    }

    private FixedPointParams neuronParams(Node n, NeuronLayer l, double[] step, double[] sumBound, HardwareProfile.Chip chip,
            PassContext ctx) {
        int cout = step.length;
        float[] lsb = new float[cout];
        int[] exp = new int[cout];
        int[] thr = new int[cout];
        int[] biasMant = new int[cout];
        int[] biasExp = new int[cout];
        float[] bias = l.bias() == null ? new float[cout] : l.bias().data();
        if (!(l.neuron() instanceof Neuron.LifNeuron lif)) {
            // relays and accumulators: one value unit is one mantissa unit of the sum
            double worstBias = 0;
            for (int o = 0; o < cout; o++) {
                lsb[o] = (float) step[o];
                worstBias = Math.max(worstBias, encodeBias(bias[o] / step[o], o, biasMant, biasExp, ctx));
            }
            reportBias(n, l, worstBias, ctx);
            return new FixedPointParams(lsb, exp, thr, biasMant, biasExp, 0, 0);
        }
        int expMin = LoihiArithmetic.mantissaExpMin(chip.weightExpMin().intValue(), bits);
        int expMax = LoihiArithmetic.mantissaExpMax(chip.weightExpMax().intValue(), bits);
        // the 12-bit register cannot hold 4096: tau = 1 keeps 1/4096 of v
        int decayV = (int) Math.min(LoihiArithmetic.DECAY_MAX, Math.round(LoihiArithmetic.DECAY_UNITY / lif.tau()));
        double thrReal = lif.tau() * lif.threshold();
        double worstThrErr = 0;
        double worstBias = 0;
        double rangeUse = 0;
        int minExp = Integer.MAX_VALUE;
        long unfit = 0;
        for (int o = 0; o < cout; o++) {
            // Step 3a: the largest exponent whose worst case fits u and v (or, failing that, the one that keeps u whole).
            Range chosen = null;
            Range fallback = null;
            for (int e = expMax; e >= expMin && chosen == null; e--) {
                Range r = range(e, step[o], sumBound[o], thrReal, bias[o], decayV);
                if (r.vth > LoihiArithmetic.THRESHOLD_MANT_MAX) {
                    continue;
                }
                if (r.use() <= 1) {
                    chosen = r;
                } else if (fallback == null && r.currentUse < 1) {
                    fallback = r;
                }
            }
            if (chosen == null) {
                chosen = fallback != null ? fallback : range(expMin, step[o], sumBound[o], thrReal, bias[o], decayV);
                unfit++;
            }
            // Step 3b: the channel's parameters at that exponent.
            exp[o] = chosen.exp;
            double unit = chosen.unit;
            lsb[o] = (float) unit;
            thr[o] = (int) Math.max(0, Math.min(LoihiArithmetic.THRESHOLD_MANT_MAX, chosen.vth));
            double firesAt = LoihiArithmetic.effectiveThreshold(thr[o]) + 1.0; // v > vth·2^6
            worstThrErr = Math.max(worstThrErr, Math.abs(firesAt * unit - thrReal) / thrReal);
            worstBias = Math.max(worstBias, encodeBias(bias[o] / unit, o, biasMant, biasExp, ctx));
            rangeUse = Math.max(rangeUse, chosen.use());
            minExp = Math.min(minExp, chosen.exp);
        }
        ctx.statistics().layer(n.name(), "threshold_rel_error", worstThrErr);
        ctx.statistics().layer(n.name(), "range_use", rangeUse);
        ctx.statistics().layer(n.name(), "weight_exp", LoihiArithmetic.chipWeightExp(minExp, bits));
        ctx.statistics().layer(n.name(), "expected_overflow_channels", unfit);
        reportBias(n, l, worstBias, ctx);
        return new FixedPointParams(lsb, exp, thr, biasMant, biasExp, LoihiArithmetic.CURRENT_DECAY_FULL, decayV);
    }

    /**
     * A LIF channel at mantissa exponent e: the membrane unit, the threshold mantissa (the largest vth with
     * vth·2^6 below the threshold, so that a membrane exactly at it fires as V ≥ θ does), and how much of
     * each register the worst case uses: u = S_max·2^(e+6); v up to the threshold plus the largest input
     * and bias; v down to −(|u| + |bias|)·4096/dv, where the leak balances the most negative input.
     */
    private static Range range(int e, double step, double sumBound, double thrReal, double bias, int decayV) {
        double unit = step / Math.pow(2, e + LoihiArithmetic.ACTIVATION_SHIFT);
        long vth = (long) Math.ceil(thrReal / (unit * (1 << LoihiArithmetic.THRESHOLD_SHIFT)) - 1e-9) - 1;
        double u = sumBound * Math.pow(2, e + LoihiArithmetic.ACTIVATION_SHIFT);
        double b = Math.abs(bias / unit);
        double up = (double) Math.max(0, vth) * (1 << LoihiArithmetic.THRESHOLD_SHIFT) + u + b;
        double down = decayV > 0 ? (u + b) * LoihiArithmetic.DECAY_UNITY / decayV : Double.POSITIVE_INFINITY;
        double currentUse = u / LoihiArithmetic.STATE_LIMIT;
        double voltageUse = Math.max(up, down) / LoihiArithmetic.VOLTAGE_MAX;
        // the bias register spans ±4095·2^7, a sixteenth of v's range: a larger exponent can push it out
        double biasUse = b / ((double) LoihiArithmetic.BIAS_MANT_MAX * (1 << LoihiArithmetic.BIAS_EXP_MAX));
        return new Range(e, unit, vth, currentUse, Math.max(voltageUse, biasUse));
    }

    /** currentUse: |u| at S_max over u's limit; registerUse: the same for v and the bias. */
    private record Range(int exp, double unit, long vth, double currentUse, double registerUse) {
        double use() {
            return Math.max(currentUse, registerUse);
        }
    }

    /** Encodes a bias given in value units as mantissa·2^exponent; returns its relative error. */
    private static double encodeBias(double b, int o, int[] mant, int[] exp, PassContext ctx) {
        int[] me = LoihiArithmetic.encodeBias(b);
        mant[o] = me[0];
        exp[o] = me[1];
        double got = LoihiArithmetic.effectiveBias(me[0], me[1]);
        if (Math.abs(b) > (double) LoihiArithmetic.BIAS_MANT_MAX * (1 << LoihiArithmetic.BIAS_EXP_MAX)) {
            ctx.statistics().count("bias_saturated", 1);
        } else if (got != Math.rint(b)) {
            ctx.statistics().count("bias_rounded", 1);
        }
        return b == 0 ? 0 : Math.abs(got - b) / Math.abs(b);
    }

    private static void reportBias(Node n, NeuronLayer l, double worst, PassContext ctx) {
        if (l.bias() != null) {
            ctx.statistics().layer(n.name(), "bias_rel_error", worst);
        }
    }

    /** k·k for convolutions (weights [Cout, Cin, k, k]); 1 for [Cout, Cin]. */
    private static int spatial(Synapses s) {
        return s.weight().shape().rank() == 4 ? s.weight().shape().dim(2) * s.weight().shape().dim(3) : 1;
    }

    /**
     * The float weights the chip effectively applies, w_q = m·s_c / (scale·unit), computed from the
     * mantissas when asked: the graph keeps 1 byte per weight instead of 4.
     */
    private static Tensor dequantized(Synapses s, byte[] m, double[] step, float[] us, int per, int span) {
        double scale = s.scale();
        return LazyTensor.regenerating(s.weight().shape(), () -> {
            float[] w = new float[m.length];
            for (int idx = 0; idx < m.length; idx++) {
                double unit = scale * us[(idx % per) / span];
                w[idx] = unit == 0 ? 0f : (float) (m[idx] * step[idx / per] / unit);
            }
            return w;
        });
    }

    /** Per output channel, the largest |w·u| times the scale, merged into {@code maxAbs}. Kept small for the JIT. */
    private static void maxAbsPerChannel(float[] w, float[] u, int cout, double scale, double[] maxAbs, boolean parallel) {
        int per = u.length;
        IntStream range = IntStream.range(0, cout);
        (parallel ? range.parallel() : range).forEach(o -> {
            int base = o * per;
            float m = 0;
            for (int j = 0; j < per; j++) {
                m = Math.max(m, Math.abs(w[base + j] * u[j]));
            }
            maxAbs[o] = Math.max(maxAbs[o], m * scale);
        });
    }

    /**
     * Quantizes one output channel: m = round(w·u / step), half away from zero, clamped to ±mmax;
     * adds the squared error and the squared effective weights to {@code errNorm}. Kept small for the JIT.
     */
    private static void quantizeChannel(float[] w, float[] u, int base, float inv, float step, int mmax, byte[] m,
            double[] errNorm) {
        float err = 0;
        float norm = 0;
        for (int j = 0; j < u.length; j++) {
            float eff = w[base + j] * u[j];
            float x = eff * inv;
            // copySign, not a conditional: weight signs are random, a branch would mispredict half the time
            int q = (int) (x + Math.copySign(0.5f, x));
            q = Math.max(-mmax, Math.min(mmax, q));
            m[base + j] = (byte) q;
            float e = q * step - eff;
            err += e * e;
            norm += eff * eff;
        }
        errNorm[0] += err;
        errNorm[1] += norm;
    }

    /** The unit of each weight position within one output channel (input channel unit repeated k·k times). */
    private static float[] expand(float[] us, int per, int span) {
        float[] u = new float[per];
        for (int j = 0; j < per; j++) {
            u[j] = us[j / span];
        }
        return u;
    }

    private static boolean isGateOperand(Synapses s) {
        return s.connection() instanceof Connection.Coincidence k && k.operand() == 1;
    }

    /**
     * The unit weight each output channel of group i carries: the unit of the source channel it
     * reads, or for a coincidence term the product of both operands' units (one of them spikes).
     */
    private static float[] unitWeights(NeuronLayer l, int i, List<float[]> inUnits, int cout) {
        float[] us = inUnits.get(i);
        float[] u = new float[cout];
        if (l.synapses().get(i).connection() instanceof Connection.Coincidence k) {
            float[] other = inUnits.get(i + 1);
            int d = k.headDim();
            for (int o = 0; o < cout; o++) {
                u[o] = switch (k.product()) {
                    case QK, KV -> us[o * d] * other[o * d];
                    case AV -> us[o / d] * other[o];
                    case QM -> us[o] * other[o / d];
                };
            }
            return u;
        }
        return channelUnits(us, cout);
    }

    /** Unit of the source channel each output channel of a one-to-one-in-channels connection reads. */
    private static float[] channelUnits(float[] us, int cout) {
        return Arrays.copyOf(us, cout);
    }

    private static float[] ones(int n) {
        float[] u = new float[n];
        Arrays.fill(u, 1f);
        return u;
    }
}

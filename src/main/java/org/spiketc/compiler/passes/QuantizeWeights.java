package org.spiketc.compiler.passes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.spiketc.tensor.LazyTensor;
import org.spiketc.tensor.Tensor;

/**
 * Quantizes every synapse group to signed {@code bits}-bit mantissas per output channel and derives
 * the integer neuron parameters ({@link FixedPointParams}) in the target's format.
 *
 * <p>Every population's output has a unit per channel: 1 for spikes, the membrane LSB for graded
 * payloads. For output channel c of a layer, each synapse's effective weight is
 * w·scale·unit(source channel); with s_c = max|effective weight| / (2^(bits−1) − 1) the mantissa is
 * round(w_eff / s_c) (half away from zero). A LIF channel then picks the largest weight exponent e_c in the target's range
 * whose threshold still fits the threshold mantissa, so the membrane LSB is s_c / 2^e_c; the
 * threshold is rescaled to round(tau·vth / LSB) (the integer membrane holds tau·V so that the
 * decay-input LIF becomes v ← v·(1 − 1/tau) + input, decay 4096/tau in 12 bits) and the bias to
 * round(b_c / LSB). Relays and accumulators keep LSB = s_c.
 *
 * <p>The host sends the image as graded payloads with an LSB of 1/255, so 8-bit pixels arrive exactly.
 * Reports per layer {@code weight_rel_rmse} (‖w_q − w‖ / ‖w‖) and {@code threshold_rel_error}; counters
 * {@code weights}, {@code zero_mantissas}, {@code bias_saturated}.
 */
public final class QuantizeWeights implements Pass {
    public static final String ID = "quantize-weights";
    /** Value of one unit of the 8-bit graded input payload. */
    public static final float INPUT_LSB = 1f / 255;
    private static final int DECAY_ONE = 4096; // 12-bit decay: 4096 = full decay (FACTS.md 1.2)
    /** Layers with more weights than this quantize their channels in parallel. */
    private static final int PARALLEL_MIN = 1 << 18;

    private final int bits;

    public QuantizeWeights(int bits) {
        if (bits < 2 || bits > 8) {
            throw new IllegalArgumentException("bits must be 2..8");
        }
        this.bits = bits;
    }

    @Override
    public PassInfo info() {
        return new PassInfo(ID, "per-channel weight quantization into the target's mantissa/exponent format",
                Map.of("bits", Integer.toString(bits)), true);
    }

    @Override
    public Graph run(Graph g, PassContext ctx) {
        HardwareProfile.Chip chip = ctx.target().chip();
        if (bits > chip.maxWeightBits().intValue()) {
            throw new IllegalArgumentException(bits + "-bit weights exceed the target's " + chip.maxWeightBits().intValue());
        }
        Map<String, float[]> units = new HashMap<>();
        GraphBuilder b = g.toBuilder();
        for (Node n : g.nodes()) {
            ctx.cancellation().check();
            if (n.op() instanceof Input in) {
                float[] u = new float[in.shape().dim(0)];
                Arrays.fill(u, INPUT_LSB);
                units.put(n.name(), u);
                b.copy(n, n.inputs());
            } else if (n.op() instanceof Gate gate) {
                units.put(n.name(), gateUnits(gate, n, units));
                b.copy(n, n.inputs());
            } else if (n.op() instanceof NeuronLayer l) {
                List<float[]> in = n.inputs().stream().map(units::get).toList();
                Quantized q = quantize(n, l, in, chip, ctx);
                units.put(n.name(), q.outUnits);
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

    private record Quantized(NeuronLayer layer, float[] outUnits) {
    }

    private Quantized quantize(Node n, NeuronLayer l, List<float[]> inUnits, HardwareProfile.Chip chip, PassContext ctx) {
        int cout = n.type().shape().dim(0);
        int mmax = (1 << (bits - 1)) - 1;
        if (l.neuron() instanceof Neuron.Relay r && r.reduce() == Neuron.Relay.Reduce.MAX) {
            // A max passes values through: same unit as its source, unit mantissas.
            float[] u = channelUnits(inUnits.get(0), cout);
            byte[] ones = new byte[cout];
            Arrays.fill(ones, (byte) 1);
            List<Synapses> syn = List.of(l.synapses().get(0).withQuantized(new QuantizedSynapses(bits, ones, cout)));
            FixedPointParams fp = new FixedPointParams(u, new int[cout], new int[cout], new int[cout], 0);
            return new Quantized(new NeuronLayer(syn, l.neuron(), l.bias(), fp), u);
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
                java.util.stream.IntStream range = java.util.stream.IntStream.range(0, cout);
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
            long nz = 0;
            for (byte x : m) {
                nz += x != 0 ? 1 : 0;
            }
            zeros += m.length - nz;
            total += m.length;
            syn.add(quantized.withQuantized(new QuantizedSynapses(bits, m, nz)));
        }
        // Step 3: integer neuron parameters.
        FixedPointParams fp = neuronParams(n, l, step, chip, ctx);
        ctx.statistics().layer(n.name(), "weight_rel_rmse", normSq > 0 ? Math.sqrt(errSq / normSq) : 0);
        ctx.statistics().count("weights", total);
        ctx.statistics().count("zero_mantissas", zeros);
        float[] outUnits = l.neuron() instanceof Neuron.LifNeuron ? ones(cout) : fp.lsb();
        return new Quantized(new NeuronLayer(syn, l.neuron(), l.bias(), fp), outUnits);
    }

    private FixedPointParams neuronParams(Node n, NeuronLayer l, double[] step, HardwareProfile.Chip chip, PassContext ctx) {
        int cout = step.length;
        float[] lsb = new float[cout];
        int[] exp = new int[cout];
        int[] thr = new int[cout];
        int[] bias = new int[cout];
        int expMin = chip.weightExpMin().intValue();
        int expMax = chip.weightExpMax().intValue();
        long thrMax = (1L << chip.thresholdMantBits().intValue()) - 1;
        long biasMax = ((1L << (chip.biasMantBits().intValue() - 1)) - 1) << 7; // 13-bit signed mantissa, 3-bit exponent
        int decay = 0;
        double worstThrErr = 0;
        if (l.neuron() instanceof Neuron.LifNeuron lif) {
            decay = (int) Math.round(DECAY_ONE / lif.tau());
            double thrReal = lif.tau() * lif.threshold();
            for (int o = 0; o < cout; o++) {
                int e = expMin;
                for (int cand = expMax; cand >= expMin; cand--) {
                    if (Math.rint(thrReal * Math.pow(2, cand) / step[o]) <= thrMax) {
                        e = cand;
                        break;
                    }
                }
                exp[o] = e;
                double unit = step[o] / Math.pow(2, e);
                lsb[o] = (float) unit;
                thr[o] = (int) Math.max(1, Math.min(thrMax, Math.rint(thrReal / unit)));
                worstThrErr = Math.max(worstThrErr, Math.abs(thr[o] * unit - thrReal) / thrReal);
            }
        } else {
            for (int o = 0; o < cout; o++) {
                lsb[o] = (float) step[o];
            }
        }
        if (l.bias() != null) {
            float[] bv = l.bias().data();
            for (int o = 0; o < cout; o++) {
                double q = Math.rint(bv[o] / lsb[o]);
                if (Math.abs(q) > biasMax) {
                    ctx.statistics().count("bias_saturated", 1);
                    q = Math.signum(q) * biasMax;
                }
                bias[o] = (int) q;
            }
        }
        if (l.neuron() instanceof Neuron.LifNeuron) {
            ctx.statistics().layer(n.name(), "threshold_rel_error", worstThrErr);
        }
        return new FixedPointParams(lsb, exp, thr, bias, decay);
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
        java.util.stream.IntStream range = java.util.stream.IntStream.range(0, cout);
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

package org.spiketc.compiler.passes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.spiketc.compiler.ir.BatchNorm;
import org.spiketc.compiler.ir.Conv2d;
import org.spiketc.compiler.ir.Graph;
import org.spiketc.compiler.ir.GraphBuilder;
import org.spiketc.compiler.ir.Node;
import org.spiketc.compiler.pass.Pass;
import org.spiketc.compiler.pass.PassContext;
import org.spiketc.compiler.pass.PassInfo;
import org.spiketc.tensor.DenseTensor;
import org.spiketc.tensor.Tensor;

/**
 * Folds an inference BatchNorm into the convolution (or token-wise linear) before it:
 * W'[o] = W[o]·g[o], b'[o] = (b[o] − mean[o])·g[o] + beta[o] with g = gamma / sqrt(var + eps).
 * The folded node keeps the convolution's name; users of the BatchNorm are redirected to it.
 * A BatchNorm whose convolution has other users is left alone. Reports {@code folded} and, per
 * layer, the largest |g| (a large one amplifies quantization error).
 */
public final class FoldBatchNorm implements Pass {
    public static final String ID = "fold-batch-norm";

    @Override
    public PassInfo info() {
        return PassInfo.of(ID, "fold BatchNorm into the preceding convolution/linear", true);
    }

    @Override
    public Graph run(Graph g, PassContext ctx) {
        Map<String, Node> foldInto = new HashMap<>(); // conv name -> its BatchNorm
        for (Node n : g.nodes()) {
            if (n.op() instanceof BatchNorm) {
                Node src = g.node(n.inputs().get(0));
                if (src.op() instanceof Conv2d && g.users(src.name()).size() == 1) {
                    foldInto.put(src.name(), n);
                }
            }
        }
        // Folds are independent: compute them on all cores (the folded values do not depend on the order).
        Map<String, Folded> folded = new ConcurrentHashMap<>();
        foldInto.entrySet().parallelStream().forEach(e -> {
            ctx.cancellation().check();
            folded.put(e.getKey(), fold((Conv2d) g.node(e.getKey()).op(), (BatchNorm) e.getValue().op()));
        });
        GraphBuilder b = g.toBuilder();
        NodeReplacements replaced = new NodeReplacements();
        for (Node n : g.nodes()) {
            ctx.cancellation().check();
            List<String> in = replaced.all(n.inputs());
            Node bnNode = foldInto.get(n.name());
            if (bnNode != null) {
                Folded f = folded.get(n.name());
                ctx.statistics().layer(n.name(), "max_bn_gain", f.maxGain());
                b.add(n.name(), f.conv(), in);
                replaced.put(bnNode.name(), n.name());
                ctx.statistics().count("folded", 1);
            } else if (n.op() instanceof BatchNorm && replaced.has(n.name())) {
                continue;
            } else {
                b.copy(n, in);
            }
        }
        return b.build();
    }

    private record Folded(Conv2d conv, double maxGain) {
    }

    private static Folded fold(Conv2d conv, BatchNorm bn) {
        float[] w = conv.weight().data();
        int out = conv.outChannels();
        int per = w.length / out;
        float[] gamma = bn.gamma().data();
        float[] beta = bn.beta().data();
        float[] mean = bn.mean().data();
        float[] var = bn.var().data();
        float[] bias = conv.bias() == null ? new float[out] : conv.bias().data();
        float[] nw = new float[w.length];
        float[] nb = new float[out];
        double maxGain = 0;
        for (int o = 0; o < out; o++) {
            double gain = gamma[o] / Math.sqrt(var[o] + bn.eps());
            maxGain = Math.max(maxGain, Math.abs(gain));
            // float multiply: the gain is rounded to float32 once, as PyTorch's folded conv would hold it
            float g = (float) gain;
            for (int i = o * per, e = i + per; i < e; i++) {
                nw[i] = w[i] * g;
            }
            nb[o] = (float) ((bias[o] - mean[o]) * gain + beta[o]);
        }
        Tensor weight = new DenseTensor(conv.weight().shape(), nw);
        return new Folded(new Conv2d(weight, new DenseTensor(conv.bias() == null ? bn.beta().shape() : conv.bias().shape(), nb),
                conv.stride(), conv.padding()), maxGain);
    }
}

package org.spiketc.compiler.frontend;

import java.util.Map;
import org.spiketc.common.Cancellation;
import org.spiketc.compiler.ir.Add;
import org.spiketc.compiler.ir.AttentionProduct;
import org.spiketc.compiler.ir.BatchNorm;
import org.spiketc.compiler.ir.Conv2d;
import org.spiketc.compiler.ir.Graph;
import org.spiketc.compiler.ir.GraphBuilder;
import org.spiketc.compiler.ir.Hadamard;
import org.spiketc.compiler.ir.HeadMatMul;
import org.spiketc.compiler.ir.Input;
import org.spiketc.compiler.ir.Lif;
import org.spiketc.compiler.ir.MaxPool;
import org.spiketc.compiler.ir.MeanTime;
import org.spiketc.compiler.ir.Output;
import org.spiketc.compiler.ir.ReduceTokens;
import org.spiketc.compiler.ir.ScaleByConstant;
import org.spiketc.model.Family;
import org.spiketc.model.ModelConfig;
import org.spiketc.model.SynapseStyle;
import org.spiketc.tensor.Shape;
import org.spiketc.tensor.Tensor;
import org.spiketc.tensor.Tensors;

/**
 * Builds the graph IR of an architecture, one IR node per PyTorch module of the official code and in
 * its forward order, named after the module path ({@code block.3.attn.q_lif}). Weights are taken by
 * their official keys; the IR uses the [C, H, W] layout throughout, so token-wise linears become
 * kernel-1 convolutions.
 *
 * <p>Spikformer follows ZK-Zhou/spikformer: the CIFAR code's (Q·Kᵀ)·0.125·V, the ImageNet code's
 * Q·(Kᵀ·V)·0.125. The Spike-driven Transformer follows BICLab/Spike-Driven-Transformer
 * (MS_SPS, MS_SSA_Conv, MS_MLP_Conv, head LIF before the classifier).
 */
public final class ModelFrontend {
    private final ModelConfig c;
    private final Map<String, Tensor> w;
    private final GraphBuilder b;
    private final String sfx;
    private final Cancellation cancel;

    private ModelFrontend(ModelConfig c, Map<String, Tensor> weights, Cancellation cancel) {
        this.c = c;
        this.w = weights;
        this.cancel = cancel;
        this.b = new GraphBuilder(c.name(), c.timeSteps());
        this.sfx = c.synapseStyle().keySuffix();
    }

    public static Graph build(ModelConfig config, Map<String, Tensor> weights) {
        return build(config, weights, Cancellation.none());
    }

    public static Graph build(ModelConfig config, Map<String, Tensor> weights, Cancellation cancel) {
        ModelFrontend f = new ModelFrontend(config, weights, cancel);
        String x = f.b.add("input", new Input(Shape.of(config.inChannels(), config.imageSize(), config.imageSize()),
                config.timeSteps()));
        if (config.family() == Family.SPIKFORMER) {
            x = f.spikformerStem(x);
            for (int i = 0; i < config.depth(); i++) {
                cancel.check();
                x = f.spikformerBlock(i, x);
            }
            x = f.b.add("mean_tokens", ReduceTokens.MEAN, x);
            x = f.b.add("mean_time", new MeanTime(), x);
            x = f.linear("head", x);
        } else {
            x = f.sdtStem(x);
            for (int i = 0; i < config.depth(); i++) {
                cancel.check();
                x = f.sdtBlock(i, x);
            }
            x = f.b.add("mean_tokens", ReduceTokens.MEAN, x);
            x = f.lif("head_lif", x, config.threshold());
            x = f.linear("head", x);
            x = f.b.add("mean_time", new MeanTime(), x);
        }
        f.b.add("output", new Output(), x);
        return f.b.build();
    }

    private static final String[] STEM_CONV = {"proj_conv", "proj_conv1", "proj_conv2", "proj_conv3"};
    private static final String[] STEM_BN = {"proj_bn", "proj_bn1", "proj_bn2", "proj_bn3"};
    private static final String[] STEM_LIF = {"proj_lif", "proj_lif1", "proj_lif2", "proj_lif3"};
    private static final String[] STEM_POOL = {"maxpool", "maxpool1", "maxpool2", "maxpool3"};

    private String spikformerStem(String x) {
        for (int i = 0; i < 4; i++) {
            x = conv3("patch_embed." + STEM_CONV[i], x);
            x = bn("patch_embed." + STEM_BN[i], x);
            x = lif("patch_embed." + STEM_LIF[i], x, c.threshold());
            if (c.stem().poolsAfter(i)) {
                x = pool("patch_embed." + STEM_POOL[i], x);
            }
        }
        String feat = x;
        x = conv3("patch_embed.rpe_conv", x);
        x = bn("patch_embed.rpe_bn", x);
        x = lif("patch_embed.rpe_lif", x, c.threshold());
        return b.add("patch_embed.rpe_add", new Add(), x, feat);
    }

    private String spikformerBlock(int i, String x) {
        String a = "block." + i + ".attn.";
        String q = lif(a + "q_lif", bn(a + "q_bn", linear(a + "q" + sfx, x)), c.threshold());
        String k = lif(a + "k_lif", bn(a + "k_bn", linear(a + "k" + sfx, x)), c.threshold());
        String v = lif(a + "v_lif", bn(a + "v_bn", linear(a + "v" + sfx, x)), c.threshold());
        String attn;
        if (c.synapseStyle() == SynapseStyle.LINEAR) {
            // cifar10/model.py: attn = (q @ k^T) * scale; x = attn @ v
            String qk = b.add(a + "qk", new HeadMatMul(AttentionProduct.QK, c.heads()), q, k);
            String scaled = b.add(a + "scale", new ScaleByConstant(c.attentionScale()), qk);
            attn = b.add(a + "av", new HeadMatMul(AttentionProduct.AV, c.heads()), scaled, v);
        } else {
            // imagenet/model.py: x = k^T @ v; x = (q @ x) * scale
            String kv = b.add(a + "kv", new HeadMatMul(AttentionProduct.KV, c.heads()), k, v);
            String qkv = b.add(a + "qkv", new HeadMatMul(AttentionProduct.QM, c.heads()), q, kv);
            attn = b.add(a + "scale", new ScaleByConstant(c.attentionScale()), qkv);
        }
        String s = lif(a + "attn_lif", attn, c.attentionThreshold());
        s = lif(a + "proj_lif", bn(a + "proj_bn", linear(a + "proj" + sfx, s)), c.threshold());
        x = b.add("block." + i + ".add_attn", new Add(), x, s);
        String m = "block." + i + ".mlp.";
        String h = lif(m + "fc1_lif", bn(m + "fc1_bn", linear(m + "fc1" + sfx, x)), c.threshold());
        h = lif(m + "fc2_lif", bn(m + "fc2_bn", linear(m + "fc2" + sfx, h)), c.threshold());
        return b.add("block." + i + ".add_mlp", new Add(), x, h);
    }

    private String sdtStem(String x) {
        for (int i = 0; i < 3; i++) {
            x = conv3("patch_embed." + STEM_CONV[i], x);
            x = bn("patch_embed." + STEM_BN[i], x);
            x = lif("patch_embed." + STEM_LIF[i], x, c.threshold());
            if (c.stem().poolsAfter(i)) {
                x = pool("patch_embed." + STEM_POOL[i], x);
            }
        }
        // MS_SPS: the last block pools the BN output before its LIF, and the RPE adds to that analog feature.
        x = bn("patch_embed.proj_bn3", conv3("patch_embed.proj_conv3", x));
        if (c.stem().poolsAfter(3)) {
            x = pool("patch_embed.maxpool3", x);
        }
        String feat = x;
        x = lif("patch_embed.proj_lif3", x, c.threshold());
        x = bn("patch_embed.rpe_bn", conv3("patch_embed.rpe_conv", x));
        return b.add("patch_embed.rpe_add", new Add(), x, feat);
    }

    private String sdtBlock(int i, String x) {
        String a = "block." + i + ".attn.";
        String s = lif(a + "shortcut_lif", x, c.threshold());
        String q = lif(a + "q_lif", bn(a + "q_bn", linear(a + "q" + sfx, s)), c.threshold());
        String k = lif(a + "k_lif", bn(a + "k_bn", linear(a + "k" + sfx, s)), c.threshold());
        String v = lif(a + "v_lif", bn(a + "v_bn", linear(a + "v" + sfx, s)), c.threshold());
        String kv = b.add(a + "kv", new Hadamard(), k, v);
        kv = b.add(a + "kv_sum", ReduceTokens.SUM, kv);
        kv = lif(a + "talking_heads_lif", kv, c.attentionThreshold());
        String o = b.add(a + "q_kv", new Hadamard(), q, kv);
        o = bn(a + "proj_bn", linear(a + "proj" + sfx, o));
        x = b.add("block." + i + ".add_attn", new Add(), o, x);
        String m = "block." + i + ".mlp.";
        String h = lif(m + "fc1_lif", x, c.threshold());
        h = bn(m + "fc1_bn", linear(m + "fc1" + sfx, h));
        h = lif(m + "fc2_lif", h, c.threshold());
        h = bn(m + "fc2_bn", linear(m + "fc2" + sfx, h));
        return b.add("block." + i + ".add_mlp", new Add(), h, x);
    }

    private String conv3(String name, String x) {
        return b.add(name, new Conv2d(param(name + ".weight"), null, 1, 1), x);
    }

    /** A token-wise Linear / Conv1d(k=1) / Conv2d(k=1) as a kernel-1 convolution. */
    private String linear(String name, String x) {
        Tensor wt = param(name + ".weight");
        Shape s = wt.shape();
        Tensor w4 = Tensors.reshape(wt, Shape.of(s.dim(0), s.dim(1), 1, 1));
        Tensor bias = w.get(name + ".bias");
        return b.add(name, new Conv2d(w4, bias, 1, 0), x);
    }

    private String bn(String name, String x) {
        return b.add(name, new BatchNorm(param(name + ".weight"), param(name + ".bias"),
                param(name + ".running_mean"), param(name + ".running_var"), c.bnEps()), x);
    }

    private String lif(String name, String x, double threshold) {
        return b.add(name, new Lif(c.tau(), threshold), x);
    }

    private String pool(String name, String x) {
        return b.add(name, new MaxPool(3, 2, 1), x);
    }

    private Tensor param(String key) {
        Tensor t = w.get(key);
        if (t == null) {
            throw new IllegalStateException("weight source has no tensor " + key);
        }
        return t;
    }
}

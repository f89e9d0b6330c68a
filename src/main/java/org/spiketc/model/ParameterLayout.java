package org.spiketc.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.spiketc.model.ParameterSpec.Init;
import org.spiketc.tensor.Shape;

/**
 * Every learned tensor of an architecture with its official key (ZK-Zhou/spikformer and
 * BICLab/Spike-Driven-Transformer state dicts), in the order the frontend uses
 * them. The same list drives random weights, checkpoint binding and parameter counts.
 */
public final class ParameterLayout {
    private final List<ParameterSpec> specs = new ArrayList<>();

    private ParameterLayout() {
    }

    public static List<ParameterSpec> of(ModelConfig c) {
        ParameterLayout l = new ParameterLayout();
        int d = c.embedDim();
        int[] stem = {c.inChannels(), d / 8, d / 4, d / 2, d};
        String[] convs = {"proj_conv", "proj_conv1", "proj_conv2", "proj_conv3"};
        String[] bns = {"proj_bn", "proj_bn1", "proj_bn2", "proj_bn3"};
        for (int i = 0; i < 4; i++) {
            l.conv("patch_embed." + convs[i], stem[i + 1], stem[i], 3, false);
            l.bn("patch_embed." + bns[i], stem[i + 1]);
        }
        l.conv("patch_embed.rpe_conv", d, d, 3, false);
        l.bn("patch_embed.rpe_bn", d);
        boolean linear = c.synapseStyle() == SynapseStyle.LINEAR;
        String sfx = c.synapseStyle().keySuffix();
        for (int b = 0; b < c.depth(); b++) {
            String a = "block." + b + ".attn.";
            for (String p : new String[] {"q", "k", "v"}) {
                l.linear(a + p + sfx, d, d, linear);
                l.bn(a + p + "_bn", d);
            }
            l.linear(a + "proj" + sfx, d, d, true);
            l.bn(a + "proj_bn", d);
            String m = "block." + b + ".mlp.";
            l.linear(m + "fc1" + sfx, c.hiddenDim(), d, true);
            l.bn(m + "fc1_bn", c.hiddenDim());
            l.linear(m + "fc2" + sfx, d, c.hiddenDim(), true);
            l.bn(m + "fc2_bn", d);
        }
        l.linear("head", c.numClasses(), d, true);
        return Collections.unmodifiableList(l.specs);
    }

    public static long parameterCount(ModelConfig c) {
        // num_batches_tracked and running statistics are buffers, not parameters: count weights and BN affine only,
        // as the papers' "Params" column does.
        long n = 0;
        for (ParameterSpec s : of(c)) {
            if (!s.key().endsWith("running_mean") && !s.key().endsWith("running_var")) {
                n += s.shape().longSize();
            }
        }
        return n;
    }

    private void conv(String name, int out, int in, int k, boolean bias) {
        int fanIn = in * k * k;
        specs.add(new ParameterSpec(name + ".weight", Shape.of(out, in, k, k), Init.UNIFORM_FAN_IN, fanIn));
        if (bias) {
            specs.add(new ParameterSpec(name + ".bias", Shape.of(out), Init.UNIFORM_FAN_IN, fanIn));
        }
    }

    private void linear(String name, int out, int in, boolean bias) {
        specs.add(new ParameterSpec(name + ".weight", Shape.of(out, in), Init.UNIFORM_FAN_IN, in));
        if (bias) {
            specs.add(new ParameterSpec(name + ".bias", Shape.of(out), Init.UNIFORM_FAN_IN, in));
        }
    }

    private void bn(String name, int n) {
        specs.add(new ParameterSpec(name + ".weight", Shape.of(n), Init.ONES, 1));
        specs.add(new ParameterSpec(name + ".bias", Shape.of(n), Init.ZEROS, 1));
        specs.add(new ParameterSpec(name + ".running_mean", Shape.of(n), Init.ZEROS, 1));
        specs.add(new ParameterSpec(name + ".running_var", Shape.of(n), Init.ONES, 1));
    }
}

package org.spiketc.model;

/**
 * An architecture, as a user writes it in JSON (schema in {@code src/site/markdown/model-config.md}).
 *
 * @param name              identifier shown in reports
 * @param family            spikformer or sdt
 * @param imageSize         input height = width in pixels
 * @param inChannels        input channels (3 for RGB, 1 for Fashion-MNIST)
 * @param numClasses        classifier outputs
 * @param embedDim          D, the token width; the stem uses D/8, D/4, D/2, D channels
 * @param depth             number of transformer blocks
 * @param heads             attention heads; D must be divisible by it
 * @param mlpRatio          hidden width of the MLP as a multiple of D (4 in both papers)
 * @param timeSteps         T, how often the static image is presented
 * @param stem              where the SPS stem pools
 * @param synapseStyle      Linear (CIFAR code) or kernel-1 conv (ImageNet code) projections
 * @param tau               LIF membrane time constant (SpikingJelly: 2.0)
 * @param threshold         LIF firing threshold (1.0)
 * @param attentionThreshold threshold of the attention LIF (0.5 in both papers)
 * @param attentionScale    SSA scale s in Q·Kᵀ·V·s (0.125)
 * @param bnEps             BatchNorm epsilon (PyTorch default 1e-5)
 */
public record ModelConfig(
        String name,
        Family family,
        int imageSize,
        int inChannels,
        int numClasses,
        int embedDim,
        int depth,
        int heads,
        int mlpRatio,
        int timeSteps,
        StemLayout stem,
        SynapseStyle synapseStyle,
        double tau,
        double threshold,
        double attentionThreshold,
        double attentionScale,
        double bnEps) {

    public int headDim() {
        return embedDim / heads;
    }

    public int hiddenDim() {
        return embedDim * mlpRatio;
    }

    /** Side of the token grid after the stem. */
    public int tokenGrid() {
        return imageSize / stem.downsampling();
    }

    public int tokens() {
        return tokenGrid() * tokenGrid();
    }
}

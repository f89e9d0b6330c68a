package org.spiketc.sim;

import java.util.List;
import java.util.function.ToLongFunction;
import org.spiketc.compiler.frontend.PaperTerm;

/**
 * The energy estimate spiking-transformer papers report (Zhou et al. 2023, App. C.2, Eq. 21–24):
 * E = E_MAC · MACs of the first, analog-input layer + E_AC · SOPs of every other synaptic layer,
 * SOPs = fr · T · FLOPs, with the 45 nm figures of Horowitz, ISSCC 2014. The layers and their FLOPs
 * are the model's ({@link PaperTerm}); the engine supplies only how many non-zero outputs each rate
 * source sent, so the reference simulator and the chip emulator count the same way.
 */
public final class PaperEnergy {
    /** pJ per multiply-accumulate (3.7 pJ fp32 multiply + 0.9 pJ fp32 add), Horowitz ISSCC 2014 at 45 nm. */
    public static final double E_MAC_PJ = 4.6;
    /** pJ per accumulate (fp32 add), Horowitz ISSCC 2014 at 45 nm. */
    public static final double E_AC_PJ = 0.9;
    public static final String SOURCE = "Zhou et al. 2023 App. C.2 with Horowitz ISSCC 2014 (45 nm): E_MAC 4.6 pJ, E_AC 0.9 pJ";

    /** One inference by the papers' formula: analog MACs, synaptic operations and their energy. */
    public record Count(double macs, double sops, double millijoules) {
        public static final Count NONE = new Count(0, 0, 0);
        /** For an engine that cannot observe some rate source. */
        public static final Count UNKNOWN = new Count(Double.NaN, Double.NaN, Double.NaN);
    }

    private PaperEnergy() {
    }

    /**
     * The count of one inference of {@code timeSteps} steps, given the non-zero outputs each rate source
     * sent over all steps (a negative count means the engine cannot observe that source).
     */
    public static Count count(List<PaperTerm> terms, int timeSteps, ToLongFunction<String> nonZeroOutputs) {
        double macs = 0;
        double sops = 0;
        for (PaperTerm t : terms) {
            if (t.analog()) {
                macs += t.flopsPerStep();
                continue;
            }
            long nonZero = nonZeroOutputs.applyAsLong(t.rateSource());
            if (nonZero < 0) {
                return Count.UNKNOWN;
            }
            // fr · T · FLOPs with fr = non-zero / (neurons · T): T cancels for a layer that runs every step.
            double perStep = (double) nonZero / t.sourceNeurons() * t.flopsPerStep();
            sops += t.everyStep() ? perStep : perStep / timeSteps;
        }
        return new Count(macs, sops, millijoules(macs, sops));
    }

    private static double millijoules(double macs, double acs) {
        return (macs * E_MAC_PJ + acs * E_AC_PJ) * 1e-9;
    }
}

package org.spiketc.sim;

/**
 * The energy estimate spiking-transformer papers report (Zhou et al. 2023, App. C.2, Eq. 21–24):
 * E = E_MAC · MACs of the first, analog-input layer + E_AC · every other synaptic
 * operation, with the 45 nm figures of Horowitz, ISSCC 2014.
 */
public final class PaperEnergy {
    /** pJ per multiply-accumulate (3.7 pJ fp32 multiply + 0.9 pJ fp32 add), Horowitz ISSCC 2014 at 45 nm. */
    public static final double E_MAC_PJ = 4.6;
    /** pJ per accumulate (fp32 add), Horowitz ISSCC 2014 at 45 nm. */
    public static final double E_AC_PJ = 0.9;
    public static final String SOURCE = "Zhou et al. 2023 App. C.2 with Horowitz ISSCC 2014 (45 nm): E_MAC 4.6 pJ, E_AC 0.9 pJ";

    private PaperEnergy() {
    }

    /** Millijoules for this many analog MACs and synaptic accumulates. */
    public static double millijoules(double macs, double acs) {
        return (macs * E_MAC_PJ + acs * E_AC_PJ) * 1e-9;
    }
}

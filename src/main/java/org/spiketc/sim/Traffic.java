package org.spiketc.sim;

/**
 * The messages of one inference on the modelled hardware.
 *
 * @param messages      spike or graded messages between cores
 * @param hops          router hops they took
 * @param chipCrossings chip boundaries they crossed
 * @param barrierSyncs  time-step barriers
 */
public record Traffic(double messages, double hops, double chipCrossings, int barrierSyncs) {
    /** The reference simulator models no hardware. */
    public static final Traffic NONE = new Traffic(0, 0, 0, 0);
}

package org.spiketc.analysis;

/**
 * Where a metric's value comes from, which decides how two runs of it are compared: a measured value varies
 * with the host from run to run, so a difference must beat its noise; a simulated or derived one is the
 * same on every run of the same code, so any difference beyond the threshold is the code's.
 */
public enum Role {
    /** Timed or sampled on the host (compile time, host throughput, memory peak, RAPL energy). */
    MEASURED,
    /** Computed by the chip emulator from counted events and the hardware profile's figures. */
    SIMULATED,
    /** Computed from the model, the compiled program or answers on fixed images (sizes, counts, accuracy). */
    DERIVED
}

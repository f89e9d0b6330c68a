/**
 * The runtime: what an inference produced and costs, shared by the float reference simulator
 * ({@code sim.reference}) and the chip emulator. Depends on the compiler stages, hw, data, tensor, common.
 */
package org.spiketc.sim;

/**
 * The chip emulator: executes a compiled binary with Loihi's integer neuron model, counts every
 * synaptic event, neuron update and message, and prices them with the hardware profile.
 */
package org.spiketc.sim.emulator;

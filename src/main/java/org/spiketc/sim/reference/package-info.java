/** The float reference simulator: runs the front-end IR with PyTorch's semantics. */
package org.spiketc.sim.reference;

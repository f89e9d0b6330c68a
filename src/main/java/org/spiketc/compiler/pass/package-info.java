/**
 * The pass manager (TVM/MLIR style): {@link org.spiketc.compiler.pass.Pass} is a pure transform,
 * {@link org.spiketc.compiler.pass.PassContext} its environment, and timing, measurement,
 * verification and JFR events are {@link org.spiketc.compiler.pass.PassInstrument}s.
 * Depends on compiler.ir, hw and common.
 */
package org.spiketc.compiler.pass;

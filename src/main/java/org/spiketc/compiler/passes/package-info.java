/**
 * The optimization passes, one per class, and the -O0..-O3 pipeline registry.
 * Depends on compiler.pass, compiler.ir, hw, tensor and common.
 */
package org.spiketc.compiler.passes;

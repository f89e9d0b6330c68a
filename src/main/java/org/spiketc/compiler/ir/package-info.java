/**
 * The graph IR: typed values ({@link org.spiketc.compiler.ir.TensorType}), front-end ops that mirror
 * PyTorch modules, the mappable primitives ({@link org.spiketc.compiler.ir.NeuronLayer},
 * {@link org.spiketc.compiler.ir.Gate}), the verifier and the stable text dump.
 * Depends on common and tensor.
 */
package org.spiketc.compiler.ir;

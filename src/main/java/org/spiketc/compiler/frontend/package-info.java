/** Architecture config + weights to graph IR. Depends on model, tensor and compiler.ir. */
package org.spiketc.compiler.frontend;

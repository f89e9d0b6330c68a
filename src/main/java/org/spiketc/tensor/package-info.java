/** Shapes and float tensors shared by the model, the IR and the runtime. Depends only on common. */
package org.spiketc.tensor;

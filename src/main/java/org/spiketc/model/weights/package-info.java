/**
 * A model's weights: safetensors checkpoints read and written with their official key names, or seeded
 * random weights, bound to the parameter layout of the model config they are for.
 */
package org.spiketc.model.weights;

/**
 * Models: architecture configs (the JSON schema a user writes), the built-in presets, the official
 * parameter layout, and weights (safetensors checkpoints or seeded random). Depends on common and
 * tensor only.
 */
package org.spiketc.model;

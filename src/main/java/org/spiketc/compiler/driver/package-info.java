/**
 * The compiler driver: the one call that runs frontend, passes, mapping and codegen.
 * Depends on every compiler stage, hw, model and common; nothing in the compiler depends on it.
 */
package org.spiketc.compiler.driver;

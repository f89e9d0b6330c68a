/**
 * Runs as values: the one headless service that executes a {@link org.spiketc.result.RunSpec} (a compile or
 * an inference) for the command line, the workbench and the benchmarks, with progress, cancellation and
 * per-sample streaming, and returns the typed {@link org.spiketc.result.Result}.
 */
package org.spiketc.run;

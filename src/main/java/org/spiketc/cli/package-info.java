/**
 * The {@code stc} command line (picocli): one class per subcommand. Drives the same engine as the
 * benchmarks and the workbench.
 */
package org.spiketc.cli;

/**
 * The benchmark suite of the user's seed document (benchmarks-README): twelve categories, each one
 * class that declares its markers, requirements, timeout and assertions, run at a smoke scale (seconds,
 * in CI) or a full scale (minutes, nightly and release). Results are seed-format documents with raw
 * samples; {@link org.spiketc.bench.Targets} checks the seed's targets table. Headless: the CLI, the
 * tests and the workbench drive the same {@link org.spiketc.bench.BenchRunner}.
 *
 * <p>Adding a benchmark: implement {@link org.spiketc.bench.Benchmark} (see any class here, e.g.
 * {@code ThroughputBenchmark}), add it to {@link org.spiketc.bench.BenchSuite#ALL}, and add a tagged
 * smoke test in {@code BenchSuiteTest}. Its id is its category name on the command line.
 */
package org.spiketc.bench;

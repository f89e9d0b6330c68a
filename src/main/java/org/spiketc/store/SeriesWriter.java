package org.spiketc.store;

import java.util.Arrays;

/**
 * Appends points to a run's series as they are measured, storing them a chunk at a time so that a
 * live run writing a point per inference costs one insert per {@value JdbcRunRepository#CHUNK} points.
 * Call {@link #flush} to make what is buffered visible to readers; {@link #close} flushes.
 */
public final class SeriesWriter implements AutoCloseable {
    private final RunRepository runs;
    private final long run;
    private final String series;
    private final double[] x = new double[JdbcRunRepository.CHUNK];
    private final double[] y = new double[JdbcRunRepository.CHUNK];
    private int n;

    public SeriesWriter(RunRepository runs, long run, String series) {
        this.runs = runs;
        this.run = run;
        this.series = series;
    }

    public void add(double xv, double yv) {
        x[n] = xv;
        y[n] = yv;
        if (++n == x.length) {
            flush();
        }
    }

    public void addAll(double[] xs, double[] ys) {
        for (int i = 0; i < xs.length; i++) {
            add(xs[i], ys[i]);
        }
    }

    public void flush() {
        if (n > 0) {
            runs.appendSeries(run, series, Arrays.copyOf(x, n), Arrays.copyOf(y, n));
            n = 0;
        }
    }

    @Override
    public void close() {
        flush();
    }
}

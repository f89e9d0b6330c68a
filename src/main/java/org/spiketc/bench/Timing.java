package org.spiketc.bench;

import java.util.concurrent.Callable;

/** Repeated timing with warm-up: the raw samples a metric keeps. */
public final class Timing {
    private Timing() {
    }

    /** Runs {@code work} {@code ctx.warmups()} times untimed, then {@code ctx.repeats()} times timed; milliseconds each. */
    public static double[] millis(BenchContext ctx, Callable<?> work) throws Exception {
        for (int i = 0; i < ctx.warmups(); i++) {
            work.call();
        }
        double[] ms = new double[ctx.repeats()];
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            work.call();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        return ms;
    }
}

package org.spiketc.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;
import org.spiketc.common.Cancellation;
import org.spiketc.common.CancelledException;
import org.spiketc.common.ProgressListener;
import org.spiketc.data.LabelledImages;

/**
 * Runs an engine over a labelled set, in parallel over samples. Each sample's result is stored at its
 * index, so the outcome is the same whatever the thread count. Stops at the next sample when
 * cancelled and returns what finished.
 */
public final class Evaluation {
    private Evaluation() {
    }

    /**
     * @param results   per sample, null where cancellation stopped it
     * @param labels    the true classes
     * @param hostNanos wall time of the whole run
     * @param threads   worker threads used
     * @param complete  false when cancelled part-way
     * @param totals    per-layer and per-core sums over the finished inferences
     */
    public record Outcome(String engine, InferenceResult[] results, int[] labels, long hostNanos, int threads, boolean complete,
            ActivityTotals totals) {
        public int finished() {
            int n = 0;
            for (InferenceResult r : results) {
                n += r == null ? 0 : 1;
            }
            return n;
        }

        /** Finished inferences whose class was the label's. */
        public int correct() {
            int correct = 0;
            for (int i = 0; i < results.length; i++) {
                if (results[i] != null) {
                    correct += results[i].predicted() == labels[i] ? 1 : 0;
                }
            }
            return correct;
        }

        /** Share of finished samples classified right; NaN when none finished (a figure that could not be computed, not 0). */
        public double accuracy() {
            int n = finished();
            return n == 0 ? Double.NaN : (double) correct() / n;
        }

        public double mean(ToDoubleFunction<InferenceResult> f) {
            double s = 0;
            int n = 0;
            for (InferenceResult r : results) {
                if (r != null) {
                    s += f.applyAsDouble(r);
                    n++;
                }
            }
            return n == 0 ? 0 : s / n;
        }

        /** One value per finished inference, in sample order: the raw samples a metric keeps. */
        public double[] perInference(ToDoubleFunction<InferenceResult> f) {
            return Arrays.stream(results).filter(Objects::nonNull).mapToDouble(f).toArray();
        }

        /** Per layer, in graph order, the mean over finished inferences of {spikes, firing rate, synaptic operations}. */
        public Map<String, double[]> layerMeans() {
            return totals.layerMeans();
        }

        /** Per core of the binary, the mean synaptic operations over finished inferences (empty for the reference). */
        public double[] coreMeans() {
            return totals.coreMeans();
        }

        /** Share of samples where both engines chose the same class; NaN when no sample finished on both. */
        public static double fidelity(Outcome a, Outcome b) {
            int same = 0;
            int n = 0;
            for (int i = 0; i < Math.min(a.results.length, b.results.length); i++) {
                if (a.results[i] != null && b.results[i] != null) {
                    n++;
                    same += a.results[i].predicted() == b.results[i].predicted() ? 1 : 0;
                }
            }
            return n == 0 ? Double.NaN : (double) same / n;
        }
    }

    /** Hears of each inference as it finishes, on the worker thread that ran it (live views buffer them). */
    @FunctionalInterface
    public interface ResultListener {
        ResultListener NONE = (i, r) -> { };

        void result(int sample, InferenceResult result);
    }

    public static Outcome run(InferenceEngine engine, LabelledImages data, int threads, Cancellation cancel,
            ProgressListener progress) {
        return run(engine, data, threads, cancel, progress, ResultListener.NONE);
    }

    /**
     * What an evaluation keeps of each inference. {@code FULL}: everything. {@code SUMMARY}: the prediction,
     * counts, energy, latency and traffic, with the per-layer and per-core detail folded into the outcome's
     * totals and then dropped, so a long run's memory does not grow with its per-inference detail.
     */
    public enum Retention { FULL, SUMMARY }

    public static Outcome run(InferenceEngine engine, LabelledImages data, int threads, Cancellation cancel,
            ProgressListener progress, ResultListener listener) {
        return run(engine, data, threads, cancel, progress, listener, Retention.FULL);
    }

    public static Outcome run(InferenceEngine engine, LabelledImages data, int threads, Cancellation cancel,
            ProgressListener progress, ResultListener listener, Retention retention) {
        int n = data.count();
        InferenceResult[] results = new InferenceResult[n];
        ActivityTotals totals = new ActivityTotals();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, engine.name() + "-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                futures.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < n && !cancel.isRequested(); i = next.getAndIncrement()) {
                        InferenceResult r = engine.run(data.pixels()[i]);
                        totals.add(r);
                        listener.result(i, r);
                        results[i] = retention == Retention.FULL ? r : ActivityTotals.summary(r);
                        int d = done.incrementAndGet();
                        if (d % 16 == 0 || d == n) {
                            progress.progress(engine.name(), (double) d / n);
                        }
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new Outcome(engine.name(), results, data.labels(), System.nanoTime() - t0, threads, !cancel.isRequested(), totals);
    }
}

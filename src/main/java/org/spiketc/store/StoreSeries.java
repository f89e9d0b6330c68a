package org.spiketc.store;

import java.util.BitSet;
import org.spiketc.run.SampleListener;
import org.spiketc.sim.InferenceResult;

/**
 * Streams a run's inferences into its series as they finish: the emulator's energy and latency per
 * inference (x is the image's index), and on closing, the running accuracy in image order (of the emulator
 * when it ran, else of the reference). A crash loses only what had not been flushed.
 */
public final class StoreSeries implements SampleListener, AutoCloseable {
    public static final String ENERGY = "energy_per_inference_mj";
    public static final String LATENCY = "inference_latency_ms";
    public static final String ACCURACY = "accuracy_running";
    private final RunRepository runs;
    private final long run;
    private final SeriesWriter energy;
    private final SeriesWriter latency;
    private final BitSet[] finished = {new BitSet(), new BitSet()};
    private final BitSet[] correct = {new BitSet(), new BitSet()};

    public StoreSeries(RunRepository runs, long run) {
        this.runs = runs;
        this.run = run;
        this.energy = new SeriesWriter(runs, run, ENERGY);
        this.latency = new SeriesWriter(runs, run, LATENCY);
    }

    @Override
    public synchronized void sample(String engine, int sample, InferenceResult result, int label) {
        int e = engine.equals("emulator") ? 1 : 0;
        if (e == 1) {
            energy.add(sample, result.deviceEnergyMj());
            latency.add(sample, result.latencyMs());
        }
        finished[e].set(sample);
        correct[e].set(sample, result.predicted() == label);
    }

    @Override
    public synchronized void close() {
        energy.close();
        latency.close();
        int e = finished[1].isEmpty() ? 0 : 1;
        int n = finished[e].cardinality();
        if (n == 0) {
            return;
        }
        double[] x = new double[n];
        double[] y = new double[n];
        int right = 0;
        int k = 0;
        for (int i = finished[e].nextSetBit(0); i >= 0; i = finished[e].nextSetBit(i + 1)) {
            right += correct[e].get(i) ? 1 : 0;
            x[k] = i;
            y[k] = right / (double) (k + 1);
            k++;
        }
        runs.appendSeries(run, ACCURACY, x, y);
    }
}

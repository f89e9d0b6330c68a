package org.spiketc.gui.live;

import java.util.concurrent.ConcurrentLinkedQueue;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.spiketc.sim.Evaluation;
import org.spiketc.sim.InferenceResult;

/**
 * What the live charts show while an inference run goes: each finished inference's energy and latency,
 * and the running accuracy. Workers {@link #accept} results from any thread into a queue; the view
 * {@link #drain}s it on the FX thread a few times a second, so a long run never floods the UI thread.
 * Points are decimated for display (every k-th once there are many), never dropped from the store.
 */
public final class LiveViewModel implements Evaluation.ResultListener {
    /** Most points a chart keeps; beyond it every other point goes, and the stride doubles. */
    static final int MAX_POINTS = 2000;
    private final ConcurrentLinkedQueue<double[]> pending = new ConcurrentLinkedQueue<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("No run yet: start an inference in Setup");
    private int[] labels = new int[0];
    private long seen;
    private long correct;
    private double energySum;
    private double latencySum;

    /** A new run starts: forget the last one. Called on the FX thread. */
    public void start(int[] trueLabels) {
        labels = trueLabels.clone();
        pending.clear();
        seen = 0;
        correct = 0;
        energySum = 0;
        latencySum = 0;
        summary.set("Run started");
    }

    @Override
    public void result(int sample, InferenceResult r) {
        pending.add(new double[] {sample, r.deviceEnergyMj(), r.latencyMs(), r.predicted()});
    }

    /**
     * A point the charts add: the image's index with its energy and latency, and the number of inferences
     * finished so far with the accuracy over them (workers finish images out of order).
     */
    public record Point(double x, double energyMj, double latencyMs, long finished, double accuracy) {
    }

    /** Takes what arrived since the last call, in arrival order, updating the running figures. FX thread. */
    public java.util.List<Point> drain() {
        java.util.List<Point> out = new java.util.ArrayList<>();
        for (double[] p = pending.poll(); p != null; p = pending.poll()) {
            seen++;
            int i = (int) p[0];
            correct += i < labels.length && labels[i] == (int) p[3] ? 1 : 0;
            energySum += p[1];
            latencySum += p[2];
            out.add(new Point(p[0], p[1], p[2], seen, (double) correct / seen));
        }
        if (!out.isEmpty()) {
            summary.set(String.format(java.util.Locale.ROOT,
                    "%,d inferences: accuracy so far %.2f %%, mean %.4f mJ and %.4f ms per inference (simulated)", seen,
                    100.0 * correct / seen, energySum / seen, latencySum / seen));
        }
        return out;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}

package org.spiketc.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.spiketc.sim.ActivityTotals;
import org.spiketc.sim.Evaluation;

/**
 * One layer's register overflow on the chip: neuron-steps per inference whose 24-bit current u wrapped
 * around or whose membrane v saturated. On the chip these change spikes; the compiler's exponents aim for none.
 *
 * @param layer        IR node name
 * @param currentWraps mean u wrap-arounds per inference
 * @param voltageClips mean v saturations per inference
 */
public record RegisterOverflow(String layer, double currentWraps, double voltageClips) {
    /** Layers listed by a warning at most. */
    private static final int WORST = 3;

    public double total() {
        return currentWraps + voltageClips;
    }

    /** The layers of an emulator outcome that overflowed, worst first (empty when none did). */
    public static List<RegisterOverflow> of(Evaluation.Outcome o) {
        List<RegisterOverflow> l = new ArrayList<>();
        for (Map.Entry<String, double[]> e : o.layerMeans().entrySet()) {
            double[] v = e.getValue();
            double wraps = v[ActivityTotals.CURRENT_WRAPS];
            double clips = v[ActivityTotals.VOLTAGE_CLIPS];
            if (wraps + clips > 0) {
                l.add(new RegisterOverflow(e.getKey(), wraps, clips));
            }
        }
        l.sort(Comparator.comparingDouble(RegisterOverflow::total).reversed());
        return l;
    }

    /** One line naming the worst layers, or null when nothing overflowed. */
    public static String warning(List<RegisterOverflow> layers) {
        if (layers.isEmpty()) {
            return null;
        }
        StringBuilder s = new StringBuilder("register overflow on the chip in " + layers.size() + " layer"
                + (layers.size() == 1 ? "" : "s") + ", worst: ");
        for (int i = 0; i < Math.min(WORST, layers.size()); i++) {
            RegisterOverflow r = layers.get(i);
            s.append(i == 0 ? "" : "; ").append(String.format(Locale.ROOT, "%s (%.3g u wraps, %.3g v saturations per inference)",
                    r.layer(), r.currentWraps(), r.voltageClips()));
        }
        return s.append("; these neurons' spikes differ from an unbounded integer model").toString();
    }
}

package org.spiketc.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The accuracy-against-energy trade-off of a sweep: a point is on the front when no other point has at
 * least its accuracy for at most its energy and is strictly better in one of them.
 */
public final class ParetoFront {
    private ParetoFront() {
    }

    /** One configuration's outcome; {@code id} names it (a run id). */
    public record Point(long id, String label, double energy, double accuracy) {
    }

    /** The points on the front, lowest energy first (accuracy then rises along it). */
    public static List<Point> of(List<Point> points) {
        List<Point> sorted = new ArrayList<>(points.stream().filter(p -> Double.isFinite(p.energy()) && Double.isFinite(p.accuracy()))
                .toList());
        sorted.sort(Comparator.comparingDouble(Point::energy).thenComparing(Comparator.comparingDouble(Point::accuracy).reversed()));
        List<Point> front = new ArrayList<>();
        double best = Double.NEGATIVE_INFINITY;
        for (Point p : sorted) {
            if (p.accuracy() > best) {
                front.add(p);
                best = p.accuracy();
            }
        }
        return front;
    }
}

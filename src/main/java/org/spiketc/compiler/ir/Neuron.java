package org.spiketc.compiler.ir;

import java.util.Locale;

/** The neuron model of a {@link NeuronLayer}. */
public sealed interface Neuron permits Neuron.LifNeuron, Neuron.Relay, Neuron.Accumulator {
    String kind();

    /**
     * Leaky integrate-and-fire with SpikingJelly semantics (see {@link Lif}): binary spikes out.
     */
    record LifNeuron(double tau, double threshold) implements Neuron {
        public String kind() {
            return "lif";
        }
    }

    /**
     * Stateless: each step forwards the sum (or max) of its inputs as a graded payload. Realises
     * residual adds of spike streams, analog shortcuts, max-pools and the attention accumulators.
     */
    record Relay(Reduce reduce) implements Neuron {
        public enum Reduce { SUM, MAX }

        public String kind() {
            return "relay_" + reduce.name().toLowerCase(Locale.ROOT);
        }
    }

    /** Integrates over all time steps without leak or threshold; the host reads mean over T (the logits). */
    record Accumulator() implements Neuron {
        public String kind() {
            return "accumulator";
        }
    }
}

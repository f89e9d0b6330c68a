package org.spiketc.compiler.codegen;

import org.spiketc.common.StoredCode;
import org.spiketc.compiler.ir.Gate;
import org.spiketc.compiler.ir.Neuron;
import org.spiketc.compiler.ir.NeuronLayer;
import org.spiketc.compiler.ir.Op;

/**
 * The kind of a population record in a {@code .nxe} binary (the u8 after its name, see
 * {@code binary-format.md}), with the number the binary stores for it. The IR's mappable ops are
 * translated here and nowhere else.
 */
public enum PopulationKind implements StoredCode {
    LIF(0, "LIF"),
    RELAY_SUM(1, "relay-sum"),
    RELAY_MAX(2, "relay-max"),
    ACCUMULATOR(3, "accumulator"),
    GATE(4, "gate");

    private final int code;
    private final String label;

    PopulationKind(int code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The number the binary stores; part of the format, never renumbered. */
    @Override
    public int code() {
        return code;
    }

    @Override
    public String label() {
        return label;
    }

    /** The kind stored as {@code code}, or null for a number the format does not define. */
    public static PopulationKind ofCode(int code) {
        return StoredCode.ofCode(PopulationKind.class, code);
    }

    /** The kind of a mappable IR op: a {@link Gate} or a {@link NeuronLayer} by its neuron model. */
    public static PopulationKind of(Op op) {
        if (op instanceof Gate) {
            return GATE;
        }
        Neuron neuron = ((NeuronLayer) op).neuron();
        if (neuron instanceof Neuron.LifNeuron) {
            return LIF;
        }
        if (neuron instanceof Neuron.Relay r) {
            return r.reduce() == Neuron.Relay.Reduce.SUM ? RELAY_SUM : RELAY_MAX;
        }
        return ACCUMULATOR;
    }
}

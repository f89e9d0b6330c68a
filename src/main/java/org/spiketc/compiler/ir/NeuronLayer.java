package org.spiketc.compiler.ir;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spiketc.tensor.Shape;
import org.spiketc.tensor.Tensor;

/**
 * A population of neurons that the target places on cores: one or more synapse groups (one per
 * operand, in operand order) feeding one neuron model, plus an optional per-channel bias.
 * Fusion turns conv/linear + (folded) BatchNorm + LIF chains into these; residual adds, pools and
 * attention accumulators become relay populations.
 */
public record NeuronLayer(List<Synapses> synapses, Neuron neuron, Tensor bias, FixedPointParams fixed) implements Op {
    public NeuronLayer {
        synapses = List.copyOf(synapses);
    }

    public NeuronLayer withSynapses(List<Synapses> s) {
        return new NeuronLayer(s, neuron, bias, fixed);
    }

    public NeuronLayer withFixed(FixedPointParams f) {
        return new NeuronLayer(synapses, neuron, bias, f);
    }

    @Override
    public String kind() {
        return "neuron_layer";
    }

    @Override
    public TensorType infer(List<TensorType> in) {
        Op.arity(kind(), in, synapses.size());
        if (synapses.isEmpty()) {
            throw new IrException("neuron_layer needs at least one synapse group");
        }
        Shape out = null;
        boolean allCounts = true;
        boolean allSpikes = true;
        for (int i = 0; i < in.size(); i++) {
            Synapses s = synapses.get(i);
            Shape src = in.get(i).shape();
            int outChannels;
            if (s.connection().weighted()) {
                if (s.weight() == null) {
                    throw new IrException("weighted " + s.connection().kind() + " group " + i + " has no weights");
                }
                outChannels = s.weight().shape().dim(0);
                int in1 = s.weight().shape().dim(1);
                if (in1 != src.dim(0)) {
                    throw new IrException(s.connection().kind() + " group " + i + " weight " + s.weight().shape()
                            + " does not take " + src.dim(0) + " input channels");
                }
            } else {
                outChannels = src.dim(0);
            }
            Shape o = s.connection().outShape(src, outChannels);
            if (out != null && !out.equals(o)) {
                throw new IrException("neuron_layer groups disagree on output shape: " + out + " vs " + o);
            }
            out = o;
            ElementKind k = in.get(i).kind();
            allSpikes &= k == ElementKind.SPIKE;
            allCounts &= k != ElementKind.FLOAT && !s.connection().weighted() && s.scale() == Math.rint(s.scale());
        }
        if (bias != null && !bias.shape().equals(Shape.of(out.dim(0)))) {
            throw new IrException("neuron_layer bias must be [" + out.dim(0) + "], got " + bias.shape());
        }
        TensorType first = in.get(0);
        if (neuron instanceof Neuron.LifNeuron) {
            return first.withShape(out).withKind(ElementKind.SPIKE);
        }
        if (neuron instanceof Neuron.Relay r) {
            return first.withShape(out).withKind(r.reduce() == Neuron.Relay.Reduce.MAX && allSpikes ? ElementKind.SPIKE
                    : allCounts && bias == null ? ElementKind.INT : ElementKind.FLOAT);
        }
        return first.withShape(out).withKind(ElementKind.FLOAT).withTimeSteps(1);
    }

    @Override
    public Map<String, String> attributes() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("neuron", neuron.kind());
        if (neuron instanceof Neuron.LifNeuron l) {
            a.put("tau", Format.num(l.tau()));
            a.put("vth", Format.num(l.threshold()));
        }
        StringBuilder g = new StringBuilder("[");
        for (int i = 0; i < synapses.size(); i++) {
            Synapses s = synapses.get(i);
            if (i > 0) {
                g.append(", ");
            }
            g.append(s.connection().kind());
            if (s.connection() instanceof Connection.Conv c) {
                g.append(" k").append(c.kernel()).append(" s").append(c.stride()).append(" p").append(c.padding());
            } else if (s.connection() instanceof Connection.Coincidence c) {
                g.append(" terms").append(c.terms());
            }
            if (s.weight() != null) {
                g.append(' ').append(s.weight().shape().toString().replace(" ", ""));
            }
            if (s.scale() != 1.0) {
                g.append(" x").append(Format.num(s.scale()));
            }
            if (s.quantized() != null) {
                g.append(" q").append(s.quantized().bits());
            }
        }
        a.put("synapses", g.append(']').toString());
        a.put("bias", bias == null ? "none" : bias.shape().toString());
        if (fixed != null) {
            a.put("fixed", "decayV=" + fixed.decayV());
        }
        return a;
    }

    @Override
    public List<Tensor> parameters() {
        List<Tensor> p = new ArrayList<>();
        for (Synapses s : synapses) {
            if (s.weight() != null) {
                p.add(s.weight());
            }
        }
        if (bias != null) {
            p.add(bias);
        }
        return p;
    }

    @Override
    public boolean mappable() {
        return true;
    }
}

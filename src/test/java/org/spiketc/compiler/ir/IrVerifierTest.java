package org.spiketc.compiler.ir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.spiketc.tensor.Shape;
import org.spiketc.tensor.Tensor;

class IrVerifierTest {
    static Graph small() {
        return TestGraphs.small();
    }

    @Test
    void acceptsAWellFormedGraphAndInfersTypes() {
        Graph g = small();
        IrVerifier.verify(g);
        assertThat(g.node("conv").type()).isEqualTo(new TensorType(Shape.of(3, 4, 4), 2, ElementKind.FLOAT));
        assertThat(g.node("lif").type().kind()).isEqualTo(ElementKind.SPIKE);
        assertThat(g.users("input")).containsExactly("conv");
    }

    @Test
    void theBuilderRejectsOperandsThatDoNotFit() {
        GraphBuilder b = new GraphBuilder("bad", 1);
        b.add("input", new Input(Shape.of(2, 4, 4), 1));
        assertThatThrownBy(() -> b.add("conv", new Conv2d(Tensor.filled(Shape.of(3, 5, 1, 1), 0), null, 1, 0), "input"))
                .isInstanceOf(IrException.class).hasMessage("conv: conv2d expects [5, H, W], got [2, 4, 4]");
        assertThatThrownBy(() -> b.add("x", new Lif(2, 1), "nowhere")).hasMessageContaining("operand nowhere is not defined");
        assertThatThrownBy(() -> b.add("input", new Output(), "input")).hasMessageContaining("duplicate node name input");
    }

    @Test
    void catchesARecordedTypeThatNoLongerMatchesItsOperands() {
        Graph g = small();
        // Rebuild with a stale node whose type says float while the op yields spikes.
        var nodes = new LinkedHashMap<String, Node>();
        for (Node n : g.nodes()) {
            nodes.put(n.name(), n.name().equals("lif") ? new Node("lif", n.op(), n.inputs(), n.type().withKind(ElementKind.FLOAT)) : n);
        }
        Graph stale = new Graph("stale", 2, nodes);
        assertThatThrownBy(() -> IrVerifier.verify(stale)).isInstanceOf(IrException.class)
                .hasMessageContaining("lif: recorded type float[3,4,4]xT2 but operands give spike[3,4,4]xT2");
    }

    @Test
    void mappableModeRejectsFrontEndOps() {
        assertThatThrownBy(() -> IrVerifier.verify(small(), true)).hasMessageContaining("conv: conv2d is not a mappable primitive");
    }

    @Test
    void printsOneStableLinePerNode() {
        assertThat(IrPrinter.print(small())).isEqualTo("""
                graph small (T=2, 4 nodes)
                  %input = input() : float[2,4,4]xT2
                  %conv = conv2d(%input) {bias=none, k=1, p=0, s=1, weight=[3,2,1,1]} : float[3,4,4]xT2
                  %lif = lif(%conv) {tau=2, vth=1} : spike[3,4,4]xT2
                  %output = output(%lif) : spike[3,4,4]xT2
                """);
        assertThat(List.of(IrPrinter.print(small()))).containsExactly(IrPrinter.print(small()));
    }
}

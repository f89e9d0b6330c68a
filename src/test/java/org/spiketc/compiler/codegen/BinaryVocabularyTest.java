package org.spiketc.compiler.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spiketc.common.StoredCode;
import org.spiketc.compiler.ir.AttentionProduct;
import org.spiketc.compiler.ir.Connection;
import org.spiketc.compiler.ir.GatePattern;

/** The numbers a {@code .nxe} binary stores are those {@code binary-format.md} gives: files written before still mean the same. */
class BinaryVocabularyTest {
    private static <E extends Enum<E> & StoredCode> Map<Integer, E> byCode(Class<E> type) {
        Map<Integer, E> m = new LinkedHashMap<>();
        Arrays.stream(type.getEnumConstants()).forEach(e -> m.put(e.code(), e));
        return m;
    }

    @Test
    void theStoredCodesAreTheDocumentedOnes() {
        assertThat(byCode(PopulationKind.class)).containsExactly(Map.entry(0, PopulationKind.LIF), Map.entry(1, PopulationKind.RELAY_SUM),
                Map.entry(2, PopulationKind.RELAY_MAX), Map.entry(3, PopulationKind.ACCUMULATOR), Map.entry(4, PopulationKind.GATE));
        assertThat(byCode(ConnectionKind.class)).containsExactly(Map.entry(0, ConnectionKind.CONV), Map.entry(1, ConnectionKind.POOL),
                Map.entry(2, ConnectionKind.IDENTITY), Map.entry(3, ConnectionKind.TOKEN_SUM), Map.entry(4, ConnectionKind.GLOBAL_DENSE),
                Map.entry(5, ConnectionKind.COINCIDENCE), Map.entry(8, ConnectionKind.GATE_OPERAND));
        assertThat(byCode(AttentionProduct.class)).containsExactly(Map.entry(0, AttentionProduct.QK), Map.entry(1, AttentionProduct.AV),
                Map.entry(2, AttentionProduct.KV), Map.entry(3, AttentionProduct.QM));
        assertThat(byCode(GatePattern.class)).containsExactly(Map.entry(0, GatePattern.ELEMENTWISE), Map.entry(1, GatePattern.BROADCAST));
    }

    @Test
    void aCodeReadsBackAsItsConstantAndAnUndefinedOneAsNothing() {
        for (ConnectionKind k : ConnectionKind.values()) {
            assertThat(ConnectionKind.ofCode(k.code())).isSameAs(k);
        }
        assertThat(ConnectionKind.ofCode(6)).isNull();
        assertThat(PopulationKind.ofCode(5)).isNull();
        assertThat(AttentionProduct.ofCode(4)).isNull();
        assertThat(GatePattern.ofCode(2)).isNull();
    }

    @Test
    void eachIrConnectionHasItsBinaryKind() {
        assertThat(ConnectionKind.of(new Connection.Conv(3, 1, 1))).isEqualTo(ConnectionKind.CONV);
        assertThat(ConnectionKind.of(new Connection.Pool(3, 2, 1))).isEqualTo(ConnectionKind.POOL);
        assertThat(ConnectionKind.of(new Connection.Identity())).isEqualTo(ConnectionKind.IDENTITY);
        assertThat(ConnectionKind.of(new Connection.TokenSum())).isEqualTo(ConnectionKind.TOKEN_SUM);
        assertThat(ConnectionKind.of(new Connection.GlobalDense())).isEqualTo(ConnectionKind.GLOBAL_DENSE);
        assertThat(ConnectionKind.of(new Connection.Coincidence(AttentionProduct.KV, 0, 2, 4, 8))).isEqualTo(ConnectionKind.COINCIDENCE);
    }
}

package org.spiketc.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.spiketc.common.Json;
import org.spiketc.result.ResultDocument;

/** A result's configuration: its identity ignores key order and number form; its settings read as dotted names. */
class ResultConfigurationTest {
    /** A minimal result whose top level carries {@code extra} (JSON text of fields, possibly none). */
    static ResultDocument result(String extra) {
        try {
            ObjectNode d = (ObjectNode) Json.mapper().readTree("{\"test_name\": \"t\", \"timestamp\": \"2026-11-27T00:00:00Z\", "
                    + "\"metrics\": {}, \"environment\": {}" + (extra.isEmpty() ? "" : ", " + extra) + "}");
            return ResultDocument.of(d);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void theOrderOfKeysAtAnyDepthDoesNotMatter() {
        ResultConfiguration a = ResultConfiguration.of(result("\"configuration\": {\"t\": 4, \"pipeline\": {\"level\": 2, \"bits\": 4}}"));
        ResultConfiguration b = ResultConfiguration.of(result("\"configuration\": {\"pipeline\": {\"bits\": 4, \"level\": 2}, \"t\": 4}"));
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.canonical()).isEqualTo("{\"pipeline\":{\"bits\":4,\"level\":2},\"t\":4}");
    }

    @Test
    void oneNumberWrittenTwoWaysIsOneValueButAnotherValueIsAnotherConfiguration() {
        ResultConfiguration whole = ResultConfiguration.of(result("\"configuration\": {\"sparsity\": 1}"));
        assertThat(ResultConfiguration.of(result("\"configuration\": {\"sparsity\": 1.0}"))).isEqualTo(whole);
        assertThat(ResultConfiguration.of(result("\"configuration\": {\"sparsity\": 0.5}"))).isNotEqualTo(whole);
        assertThat(ResultConfiguration.of(result("\"configuration\": {\"sparsity\": \"1\"}"))).as("a string is not a number")
                .isNotEqualTo(whole);
    }

    @Test
    void nestedSettingsAreNamedWithDotsInKeyOrderAndUnsetOnesLeftOut() {
        ResultConfiguration c = ResultConfiguration.of(result(
                "\"configuration\": {\"model\": \"tiny\", \"pipeline\": {\"level\": 2, \"disabled\": [\"fuse\"]}, \"seed\": null}"));
        assertThat(c.settings()).containsExactly(entry("model", "tiny"), entry("pipeline.disabled", "[\"fuse\"]"),
                entry("pipeline.level", "2"));
    }

    @Test
    void aResultWithoutAConfigurationObjectHasNoneRecorded() {
        assertThat(ResultConfiguration.of(result(""))).isEqualTo(ResultConfiguration.NOT_RECORDED);
        assertThatThrownBy(() -> result("\"configuration\": \"-O2\"")).as("not an object: refused when read")
                .hasMessageContaining("configuration is not an object");
        assertThat(ResultConfiguration.of(result("\"configuration\": {}")).recorded()).as("recorded, and empty").isTrue();
    }
}

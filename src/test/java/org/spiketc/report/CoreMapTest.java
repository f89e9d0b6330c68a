package org.spiketc.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.spiketc.common.Json;

/** The core map lists cores one by one up to its limit, and beyond it one record per chip. */
class CoreMapTest {
    static ObjectNode map(int cores) {
        ObjectNode root = Json.mapper().createObjectNode();
        ArrayNode list = root.putArray("cores");
        for (int i = 0; i < cores; i++) {
            list.addObject().put("core", i).put("chip", i % 2).put("load", i % 2 == 0 ? 0.5 : (i % 4 == 1 ? 1.0 : 0.0));
        }
        return root;
    }

    @Test
    void aSmallMapKeepsEveryCore() {
        assertThat(CoreMap.perChipIfLarge(map(CoreMap.MAX_CORES)).get("cores").size()).isEqualTo(CoreMap.MAX_CORES);
    }

    @Test
    void aLargeMapBecomesOneRecordPerChipWithMeanAndHighestLoad() {
        ObjectNode m = CoreMap.perChipIfLarge(map(CoreMap.MAX_CORES + 4));
        assertThat(m.has("cores")).isFalse();
        assertThat(m.get("omitted_cores").asInt()).isEqualTo(CoreMap.MAX_CORES + 4);
        assertThat(m.get("chips")).hasSize(2);
        assertThat(m.get("chips").get(0).get("mean_load").asDouble()).isEqualTo(0.5);
        assertThat(m.get("chips").get(1).get("mean_load").asDouble()).isEqualTo(0.5);
        assertThat(m.get("chips").get(1).get("max_load").asDouble()).isEqualTo(1.0);
        assertThat(m.get("chips").get(0).get("cores").asInt() + m.get("chips").get(1).get("cores").asInt()).isEqualTo(CoreMap.MAX_CORES + 4);
    }
}

package org.spiketc.compiler.mapping;

import java.util.List;
import org.spiketc.hw.HardwareProfile;
import org.spiketc.hw.SystemLayout;

/**
 * A model placed on a system: its layers as populations, each core's slice and position, the routes
 * between cores, and the resource report.
 */
public record Mapping(HardwareProfile profile, SystemLayout system, List<PopulationSummary> populations,
        List<CoreSlice> cores, Routes routes, ResourceReport report) {
}

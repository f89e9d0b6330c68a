package org.spiketc.result;

import static org.spiketc.analysis.MetricRule.Direction.HIGHER;
import static org.spiketc.analysis.MetricRule.Direction.LOWER;
import static org.spiketc.analysis.MetricRule.Direction.NEITHER;
import static org.spiketc.analysis.Role.DERIVED;
import static org.spiketc.analysis.Role.MEASURED;
import static org.spiketc.analysis.Role.SIMULATED;

import java.util.List;
import org.spiketc.analysis.Role;
import org.spiketc.analysis.Unit;

/**
 * Every kind of figure stc reports, with its unit, better direction and role: the one place they are
 * declared. Host timings and sizes are measured; the chip emulator's energy, latency and traffic are
 * simulated; counts, sizes of the compiled program and answers on fixed images are derived. Names are the
 * seed's and part of the result format (see results-json.md).
 */
public final class Quantities {
    // compile
    public static final Quantity COMPILATION_TIME_MS = Quantity.of("compilation_time_ms", Unit.MS, LOWER, MEASURED);
    public static final Quantity FRONTEND_MS = Quantity.of("frontend_ms", Unit.MS, LOWER, MEASURED);
    public static final Quantity PASSES_MS = Quantity.of("passes_ms", Unit.MS, LOWER, MEASURED);
    public static final Quantity MAPPING_MS = Quantity.of("mapping_ms", Unit.MS, LOWER, MEASURED);
    public static final Quantity CODEGEN_MS = Quantity.of("codegen_ms", Unit.MS, LOWER, MEASURED);
    public static final Quantity PASS_MS = Quantity.of("pass_ms", Unit.MS, LOWER, MEASURED);
    public static final Quantity MEMORY_PEAK_MB = Quantity.of("memory_peak_mb", Unit.MB, LOWER, MEASURED);
    public static final Quantity ALLOCATED_MB = Quantity.of("allocated_mb", Unit.MB, LOWER, MEASURED);
    public static final Quantity MODEL_SIZE_MB = Quantity.of("model_size_mb", Unit.MB, LOWER, DERIVED);
    public static final Quantity SYNAPTIC_MEMORY_MB = Quantity.of("synaptic_memory_mb", Unit.MB, LOWER, DERIVED);
    public static final Quantity BINARY_BYTES = Quantity.of("binary_bytes", Unit.BYTES, LOWER, DERIVED);
    public static final Quantity PARAMS = count("params", DERIVED);
    public static final Quantity NEURONS = count("neurons", DERIVED);
    public static final Quantity SYNAPSES = count("synapses", DERIVED);
    public static final Quantity SOPS_PER_STEP = count("sops_per_step", DERIVED);
    public static final Quantity FIRST_LAYER_MACS_PER_STEP = count("first_layer_macs_per_step", DERIVED);
    public static final Quantity CORES_USED = count("cores_used", DERIVED);
    public static final Quantity CHIPS_USED = count("chips_used", DERIVED);
    public static final Quantity CHIPS_NEEDED = count("chips_needed", DERIVED);
    public static final Quantity SYSTEM_CHIPS = count("system_chips", DERIVED);
    public static final Quantity COMPARTMENTS = count("compartments", DERIVED);
    public static final Quantity ROUTES = count("routes", DERIVED);
    public static final Quantity UTILIZATION = share("utilization");
    public static final Quantity MEMORY_UTILIZATION = share("memory_utilization");
    public static final Quantity SPIKES_PER_STEP = count("spikes_per_step", DERIVED);
    public static final Quantity SPIKE_HOPS_PER_STEP = count("spike_hops_per_step", DERIVED);
    public static final Quantity CHIP_CROSSINGS_PER_STEP = count("chip_crossings_per_step", DERIVED);
    public static final Quantity MAX_LINK_LOAD_PER_STEP = count("max_link_load_per_step", DERIVED);
    public static final Quantity MEAN_LINK_LOAD_PER_STEP = count("mean_link_load_per_step", DERIVED);

    // inference
    public static final Quantity ACCURACY = Quantity.of("accuracy", Unit.FRACTION, HIGHER, DERIVED);
    public static final Quantity ACCURACY_CI95_LOW = share("accuracy_ci95_low");
    public static final Quantity ACCURACY_CI95_HIGH = share("accuracy_ci95_high");
    public static final Quantity ACCURACY_REFERENCE = Quantity.of("accuracy_reference", Unit.FRACTION, HIGHER, DERIVED);
    public static final Quantity ACCURACY_EMULATOR = Quantity.of("accuracy_emulator", Unit.FRACTION, HIGHER, DERIVED);
    public static final Quantity FIDELITY = Quantity.of("fidelity", Unit.FRACTION, HIGHER, DERIVED);
    public static final Quantity SAMPLES = count("samples", DERIVED);
    public static final Quantity BATCH = count("batch", DERIVED);
    public static final Quantity WEIGHT_BITS = count("weight_bits", DERIVED);
    public static final Quantity SPIKES_PER_INFERENCE = count("spikes_per_inference", DERIVED);
    public static final Quantity SYNAPTIC_OPS_PER_INFERENCE = count("synaptic_ops_per_inference", DERIVED);
    public static final Quantity ENERGY_PAPER_FORMULA_MJ = Quantity.of("energy_per_inference_mj_paper_formula", Unit.MJ, LOWER, DERIVED);
    public static final Quantity SOPS_PAPER_FORMULA = count("sops_per_inference_paper_formula", DERIVED);
    public static final Quantity MACS_PAPER_FORMULA = count("analog_macs_per_inference_paper_formula", DERIVED);
    public static final Quantity ENERGY_PER_INFERENCE_MJ = Quantity.of("energy_per_inference_mj", Unit.MJ, LOWER, SIMULATED);
    /** One component of the emulator's energy (static, synaptic, ...), parameter {@code component}. */
    public static final Quantity ENERGY_COMPONENT_MJ = Quantity.of("energy_component_mj", Unit.MJ, LOWER, SIMULATED);
    public static final Quantity INFERENCE_LATENCY_MS = Quantity.of("inference_latency_ms", Unit.MS, LOWER, SIMULATED);
    public static final Quantity THROUGHPUT = Quantity.of("throughput_images_per_s", Unit.PER_S, HIGHER, SIMULATED);
    public static final Quantity MESSAGES_PER_INFERENCE = count("messages_per_inference", SIMULATED);
    public static final Quantity HOPS_PER_INFERENCE = count("hops_per_inference", SIMULATED);
    public static final Quantity CHIP_CROSSINGS_PER_INFERENCE = count("chip_crossings_per_inference", SIMULATED);
    public static final Quantity BARRIER_SYNCS_PER_INFERENCE = count("barrier_syncs_per_inference", SIMULATED);
    public static final Quantity HOST_TIME_PER_INFERENCE_MS = Quantity.of("host_time_per_inference_ms", Unit.MS, LOWER, MEASURED);
    public static final Quantity HOST_THROUGHPUT = Quantity.of("host_throughput_images_per_s", Unit.PER_S, HIGHER, MEASURED);
    public static final Quantity SIM_EVENTS_PER_S = Quantity.of("sim_events_per_s", Unit.PER_S, HIGHER, MEASURED);
    /** Energy drawn by the host's package while it ran an inference (RAPL), parameter {@code engine}. */
    public static final Quantity HOST_ENERGY_PER_INFERENCE_MJ = Quantity.of("host_energy_per_inference_mj", Unit.MJ, LOWER, MEASURED);

    // benchmark analyses
    public static final Quantity PARETO_POINTS = count("pareto_points", DERIVED);
    public static final Quantity SPIKE_RATE_DEVIATION_MEAN = Quantity.of("spike_rate_deviation_mean", Unit.NONE, NEITHER, DERIVED);
    public static final Quantity SPIKE_RATE_DEVIATION_MAX = Quantity.of("spike_rate_deviation_max", Unit.NONE, NEITHER, DERIVED);
    public static final Quantity LAYERS_COMPARED = count("layers_compared", DERIVED);
    /** What leaving one pass out costs, parameter {@code pass}: differences, for the reader, not judged. */
    public static final Quantity PASS_SAVES_ENERGY_MJ = Quantity.of("pass_saves_energy_mj", Unit.MJ, NEITHER, SIMULATED);
    public static final Quantity PASS_SAVES_CORES = count("pass_saves_cores", DERIVED);
    public static final Quantity PASS_SAVES_SPIKES = count("pass_saves_spikes", SIMULATED);

    // stc bench --profile: what one benchmark cost the host, all its threads together
    public static final Quantity PROFILE_CPU_MS = Quantity.of("profile_cpu_ms", Unit.MS, LOWER, MEASURED);
    public static final Quantity PROFILE_ALLOCATED_MB = Quantity.of("profile_allocated_mb", Unit.MB, LOWER, MEASURED);

    // stc gui --measure-responsiveness: the FX thread's pulses during a live run
    /** A gap between two pulses of the FX thread, parameters {@code statistic} and {@code during}. */
    public static final Quantity PULSE_GAP_MS = Quantity.of("pulse_gap_ms", Unit.MS, LOWER, MEASURED);
    public static final Quantity LONG_PULSE_GAPS = count("pulse_gaps_over_100_ms", MEASURED);
    public static final Quantity PULSES = count("pulses", MEASURED);
    public static final Quantity WARM_UP_INFERENCES = count("warm_up_inferences", DERIVED);
    public static final Quantity CHART_REFRESHES = count("chart_refreshes", MEASURED);
    public static final Quantity CHART_REFRESH_RATE = Quantity.of("chart_refresh_hz", Unit.PER_S, NEITHER, MEASURED);
    /** How long a phase took on the host's clock, parameter {@code phase}: for the reader, not judged. */
    public static final Quantity PHASE_SECONDS = Quantity.of("phase_seconds", Unit.S, NEITHER, MEASURED);
    public static final Quantity HEAP_GROWTH_MB = Quantity.of("heap_after_gc_growth_mb", Unit.MB, LOWER, MEASURED);

    /** Every quantity above, for tests and for readers that list them. */
    public static final List<Quantity> ALL = List.of(COMPILATION_TIME_MS, FRONTEND_MS, PASSES_MS, MAPPING_MS, CODEGEN_MS, PASS_MS,
            MEMORY_PEAK_MB, ALLOCATED_MB, MODEL_SIZE_MB, SYNAPTIC_MEMORY_MB, BINARY_BYTES, PARAMS, NEURONS, SYNAPSES, SOPS_PER_STEP,
            FIRST_LAYER_MACS_PER_STEP, CORES_USED, CHIPS_USED, CHIPS_NEEDED, SYSTEM_CHIPS, COMPARTMENTS, ROUTES, UTILIZATION,
            MEMORY_UTILIZATION, SPIKES_PER_STEP, SPIKE_HOPS_PER_STEP, CHIP_CROSSINGS_PER_STEP, MAX_LINK_LOAD_PER_STEP,
            MEAN_LINK_LOAD_PER_STEP, ACCURACY, ACCURACY_CI95_LOW, ACCURACY_CI95_HIGH, ACCURACY_REFERENCE, ACCURACY_EMULATOR, FIDELITY,
            SAMPLES, BATCH, WEIGHT_BITS, SPIKES_PER_INFERENCE, SYNAPTIC_OPS_PER_INFERENCE, ENERGY_PAPER_FORMULA_MJ, SOPS_PAPER_FORMULA,
            MACS_PAPER_FORMULA, ENERGY_PER_INFERENCE_MJ, ENERGY_COMPONENT_MJ, INFERENCE_LATENCY_MS, THROUGHPUT, MESSAGES_PER_INFERENCE,
            HOPS_PER_INFERENCE, CHIP_CROSSINGS_PER_INFERENCE, BARRIER_SYNCS_PER_INFERENCE, HOST_TIME_PER_INFERENCE_MS, HOST_THROUGHPUT,
            SIM_EVENTS_PER_S, HOST_ENERGY_PER_INFERENCE_MJ, PARETO_POINTS, SPIKE_RATE_DEVIATION_MEAN, SPIKE_RATE_DEVIATION_MAX,
            LAYERS_COMPARED, PASS_SAVES_ENERGY_MJ, PASS_SAVES_CORES, PASS_SAVES_SPIKES, PROFILE_CPU_MS, PROFILE_ALLOCATED_MB,
            PULSE_GAP_MS, LONG_PULSE_GAPS, PULSES, WARM_UP_INFERENCES, CHART_REFRESHES, CHART_REFRESH_RATE, PHASE_SECONDS, HEAP_GROWTH_MB);

    private Quantities() {
    }

    private static Quantity count(String name, Role role) {
        return Quantity.of(name, Unit.COUNT, NEITHER, role);
    }

    private static Quantity share(String name) {
        return Quantity.of(name, Unit.FRACTION, NEITHER, DERIVED);
    }
}

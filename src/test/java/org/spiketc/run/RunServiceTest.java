package org.spiketc.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.spiketc.common.Cancellation;
import org.spiketc.common.CancelledException;
import org.spiketc.common.UserInputException;
import org.spiketc.compiler.codegen.BinaryProgram;
import org.spiketc.compiler.codegen.BinaryReader;
import org.spiketc.compiler.passes.PipelineOptions;
import org.spiketc.result.Quantities;
import org.spiketc.result.Result;
import org.spiketc.result.RunKind;
import org.spiketc.result.RunSpec;
import org.spiketc.result.RunSpec.DataSelection;
import org.spiketc.result.RunSpec.Engine;
import org.spiketc.result.RunSpec.ModelSource;
import org.spiketc.sim.InferenceResult;

/**
 * The run service executes a specification: a compile writes a deterministic binary, an inference hears every
 * sample, a cancel keeps what finished.
 */
class RunServiceTest {
    static final String MODEL = "fmnist-spikformer-tiny";
    final RunService service = new RunService();

    static RunSpec compileSpec() {
        return RunSpec.compile(ModelSource.preset(MODEL), "loihi2", null, PipelineOptions.defaults(2));
    }

    static RunSpec inferenceSpec(String dataset, int samples, Engine engine) {
        return RunSpec.inference(ModelSource.preset(MODEL), "loihi2", null, PipelineOptions.defaults(2),
                new DataSelection(dataset, samples, false), engine).withExecution(1, 0, 1, false, false);
    }

    byte[] compile(RunSpec spec) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        service.compile(service.prepare(spec, RunHooks.quiet()), out, List.of(), RunHooks.quiet());
        return out.toByteArray();
    }

    /** Each engine's sample indices as the listener heard them, from whichever worker thread. */
    static final class Heard implements SampleListener {
        final Map<String, Set<Integer>> samples = new ConcurrentHashMap<>();
        final Map<String, Integer> calls = new ConcurrentHashMap<>();

        @Override
        public void sample(String engine, int sample, InferenceResult result, int label) {
            samples.computeIfAbsent(engine, e -> ConcurrentHashMap.newKeySet()).add(sample);
            calls.merge(engine, 1, Integer::sum);
        }
    }

    @Test
    void aCompileWritesABinaryOfTheModelAndCarriesItsSpecAsConfiguration() throws IOException {
        RunSpec spec = compileSpec();
        PreparedRun prepared = service.prepare(spec, RunHooks.quiet());
        assertThat(prepared.model()).isEqualTo(MODEL);
        assertThat(prepared.data()).as("a compile reads no images").isNull();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompileRun run = service.compile(prepared, out, List.of(), RunHooks.quiet());
        byte[] bytes = out.toByteArray();
        assertThat(bytes).isNotEmpty();
        assertThat(run.compile().binary().bytes()).isEqualTo(bytes.length);
        BinaryProgram program = BinaryReader.load(bytes, "compiled binary");
        assertThat(program.model()).isEqualTo(MODEL);
        Result result = run.result();
        assertThat(result.kind()).isEqualTo(RunKind.COMPILE);
        assertThat(result.configuration()).isEqualTo(spec.toJson());
        assertThat(result.testName()).startsWith("compile_" + MODEL + "_loihi2");
        assertThat(result.metric(Quantities.BINARY_BYTES.name()).value()).isEqualTo(bytes.length);
        assertThat(RunService.provisionalName(spec, MODEL)).isEqualTo("compile_" + MODEL + "_loihi2");
    }

    @Test
    void theSameSpecCompiledTwiceGivesTheSameBytes() throws IOException {
        byte[] first = compile(compileSpec());
        byte[] second = compile(compileSpec());
        assertThat(second).isEqualTo(first);
        byte[] fourBits = compile(compileSpec().withPipeline(PipelineOptions.builder().bits(4).build()));
        assertThat(fourBits).as("the options reach the compiler").isNotEqualTo(first);
    }

    @Test
    void anInferenceHearsEverySampleOnEachEngineAndCarriesItsSpecAsConfiguration() throws IOException {
        RunSpec spec = inferenceSpec("fmnist", 8, Engine.BOTH);
        Heard heard = new Heard();
        PreparedRun prepared = service.prepare(spec, RunHooks.quiet());
        assertThat(prepared.data().count()).isEqualTo(8);
        InferenceRun run = service.infer(prepared, null, RunHooks.quiet().withSamples(heard));
        assertThat(run.complete()).isTrue();
        assertThat(heard.calls).containsOnlyKeys("reference", "emulator").containsEntry("reference", 8).containsEntry("emulator", 8);
        assertThat(heard.samples.get("reference")).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(heard.samples.get("emulator")).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7);
        Result result = run.result();
        assertThat(result.kind()).isEqualTo(RunKind.INFERENCE);
        assertThat(result.testName()).isEqualTo(RunService.provisionalName(spec, MODEL));
        assertThat(result.configuration()).isEqualTo(spec.toJson());
        assertThat(result.metric(Quantities.ACCURACY.name())).isNotNull();
        assertThat(result.metric(Quantities.ACCURACY.name()).value()).isBetween(0.0, 1.0);
        assertThat(result.metric(Quantities.SAMPLES.name()).value()).isEqualTo(8);
        assertThat(result.metric(Quantities.ACCURACY_EMULATOR.name())).as("both engines ran").isNotNull();
        assertThat(result.environment()).containsEntry("complete", true).containsEntry("threads", 1);
    }

    @Test
    void aReferenceRunCancelledBeforeItStartsReturnsAnIncompleteRunWithoutThrowing() throws IOException {
        RunSpec spec = inferenceSpec("fmnist", 4, Engine.REFERENCE);
        PreparedRun prepared = service.prepare(spec, RunHooks.quiet());
        Cancellation cancel = new Cancellation();
        cancel.cancel();
        Heard heard = new Heard();
        InferenceRun run = service.infer(prepared, null, RunHooks.quiet().withCancel(cancel).withSamples(heard));
        assertThat(run.complete()).isFalse();
        assertThat(run.run().outcomes()).hasSize(1);
        assertThat(run.run().main().finished()).isZero();
        assertThat(heard.calls).isEmpty();
        assertThat(run.result().metric(Quantities.SAMPLES.name()).value()).isZero();
        // no image finished: the accuracy could not be computed, a failed figure (null in the JSON), never 0
        assertThat(run.result().metric(Quantities.ACCURACY.name()).value()).isNaN();
        assertThat(run.result().document().measurements().get("accuracy").failed()).isTrue();
        assertThat(run.result().environment()).containsEntry("complete", false);
        assertThat(run.result().configuration()).isEqualTo(spec.toJson());
    }

    @Test
    void aRunCancelledBeforeItsCompileStopsThereWithNothingToKeep() throws IOException {
        // the emulator's binary is compiled before any engine runs, and the compiler stops at its first check
        PreparedRun prepared = service.prepare(inferenceSpec("fmnist", 4, Engine.BOTH), RunHooks.quiet());
        Cancellation cancel = new Cancellation();
        cancel.cancel();
        Heard heard = new Heard();
        assertThatThrownBy(() -> service.infer(prepared, null, RunHooks.quiet().withCancel(cancel).withSamples(heard)))
                .isInstanceOf(CancelledException.class);
        assertThat(heard.calls).isEmpty();
    }

    @Test
    void aRunCancelledDuringItsFirstEngineKeepsTheSamplesThatFinished() throws IOException {
        RunSpec spec = inferenceSpec("fmnist", 4, Engine.BOTH);
        PreparedRun prepared = service.prepare(spec, RunHooks.quiet());
        Cancellation cancel = new Cancellation();
        Heard heard = new Heard();
        SampleListener cancelAfterFirst = (engine, sample, result, label) -> {
            heard.sample(engine, sample, result, label);
            cancel.cancel();
        };
        InferenceRun run = service.infer(prepared, null, RunHooks.quiet().withCancel(cancel).withSamples(cancelAfterFirst));
        // one worker thread: the first image finishes, then the worker sees the cancel before the next
        assertThat(heard.calls).containsExactly(Map.entry("reference", 1));
        assertThat(run.complete()).isFalse();
        assertThat(run.run().outcomes()).hasSize(1);
        assertThat(run.run().main().finished()).isEqualTo(1);
        assertThat(run.result().metric(Quantities.SAMPLES.name()).value()).isEqualTo(1);
    }

    @Test
    void aGivenBinaryOfTheModelRunsAsTheOneTheServiceWouldCompile() throws IOException {
        RunSpec spec = inferenceSpec("fmnist", 3, Engine.EMULATOR);
        PreparedRun prepared = service.prepare(spec, RunHooks.quiet());
        BinaryProgram given = BinaryReader.load(compile(compileSpec()), "given binary");
        Result fromGiven = service.infer(prepared, given, RunHooks.quiet()).result();
        Result compiled = service.infer(prepared, null, RunHooks.quiet()).result();
        String energy = Quantities.ENERGY_PER_INFERENCE_MJ.name();
        assertThat(fromGiven.metric(energy).samples()).hasSize(3).containsExactly(compiled.metric(energy).samples());
        assertThat(fromGiven.metric(Quantities.ACCURACY.name())).isEqualTo(compiled.metric(Quantities.ACCURACY.name()));
    }

    @Test
    void anUnknownDatasetIsRefusedByName() {
        assertThatThrownBy(() -> service.prepare(inferenceSpec("cifar10", 4, Engine.BOTH), RunHooks.quiet()))
                .isInstanceOf(UserInputException.class).hasMessageContaining("unknown dataset 'cifar10'");
    }

    @Test
    void imagesOfAnotherShapeThanTheModelTakesAreRefused() {
        RunSpec cifar = RunSpec.inference(ModelSource.preset("spikformer-4-384-cifar"), "loihi2", null, PipelineOptions.defaults(2),
                new DataSelection("fmnist", 2, false), Engine.REFERENCE);
        assertThatThrownBy(() -> service.prepare(cifar, RunHooks.quiet())).isInstanceOf(UserInputException.class)
                .hasMessageContaining("has 1x28x28 images, model spikformer-4-384-cifar expects 3x32x32");
    }

    @Test
    void aSpecIsValidatedBeforeAnythingIsRead() {
        RunSpec noThreads = inferenceSpec("fmnist", 4, Engine.BOTH).withExecution(1, 0, 0, false, false);
        assertThatThrownBy(() -> service.prepare(noThreads, RunHooks.quiet())).isInstanceOf(UserInputException.class)
                .hasMessage("threads must be at least 1, got 0");
        RunSpec nowhere = RunSpec.compile(ModelSource.preset(MODEL), "loihi9", null, PipelineOptions.defaults(2));
        assertThatThrownBy(() -> service.prepare(nowhere, RunHooks.quiet())).isInstanceOf(UserInputException.class)
                .hasMessageContaining("unknown hardware profile 'loihi9'");
    }
}

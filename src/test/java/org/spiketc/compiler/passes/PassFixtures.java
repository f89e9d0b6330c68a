package org.spiketc.compiler.passes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.spiketc.compiler.frontend.ModelFrontend;
import org.spiketc.compiler.ir.Graph;
import org.spiketc.compiler.ir.IrPrinter;
import org.spiketc.compiler.ir.Op;
import org.spiketc.compiler.ir.ReduceTokens;
import org.spiketc.compiler.pass.Pass;
import org.spiketc.compiler.pass.PassManager;
import org.spiketc.compiler.pass.PassRecord;
import org.spiketc.compiler.pass.PassRecorder;
import org.spiketc.compiler.pass.Pipeline;
import org.spiketc.compiler.pass.VerifierInstrument;
import org.spiketc.model.ModelConfig;
import org.spiketc.model.Presets;
import org.spiketc.model.weights.WeightSource;
import org.spiketc.testsupport.TestPassContext;

/**
 * Runs passes the way the compiler does, with the verifier after every one, and compares graphs with
 * before/after IR text fixtures.
 *
 * <p>A fixture is {@code src/test/resources/org/spiketc/compiler/passes/<pass-id>/<case>.ir}: lines
 * starting with {@code #} say what the case shows, then the input graph as {@link IrPrinter} prints it,
 * a blank line, and the graph the pass must produce. The IR has no parser, so a test builds the input
 * in code and the fixture's first graph checks that it built what the reader sees. Run with
 * {@code -Dir.fixtures.update=true} to rewrite both graphs from what the code produces (comments are
 * kept), then read the diff before committing it.
 */
final class PassFixtures {
    private static final String RESOURCES = "src/test/resources/org/spiketc/compiler/passes/";

    private PassFixtures() {
    }

    static Graph frontEnd(String preset) {
        ModelConfig c = Presets.load(preset);
        return ModelFrontend.build(c, WeightSource.random(3).bind(c));
    }

    /** fmnist-spikformer-tiny folded, lowered and fused, built once (passes never change the graph they are given). */
    static Graph fusedTiny() {
        return FusedTiny.GRAPH;
    }

    private static final class FusedTiny {
        static final Graph GRAPH = run(frontEnd("fmnist-spikformer-tiny"), new FoldBatchNorm(),
                new LowerAttention(LowerAttention.Order.AUTO, 0.1), new FuseNeuronLayers()).graph();
    }

    record Run(Graph graph, List<PassRecord> records) {
        PassRecord record(String id) {
            return records.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
        }
    }

    static Run run(Graph g, Pass... passes) {
        PassRecorder rec = new PassRecorder();
        Graph out = PassManager.run(new Pipeline("test", List.of(passes)), g, TestPassContext.loihi2(rec, new VerifierInstrument()));
        return new Run(out, rec.records());
    }

    /**
     * Runs {@code pass} on {@code input} and checks both graphs against the fixture
     * {@code <pass id>/<fixture>.ir}; returns the run for the checks text cannot make (numbers).
     */
    static Run rewrite(String fixture, Graph input, Pass pass) {
        Path file = Path.of(RESOURCES, pass.info().id(), fixture + ".ir");
        Run r = run(input, pass);
        String before = IrPrinter.print(input);
        String after = IrPrinter.print(r.graph());
        String text = Boolean.getBoolean("ir.fixtures.update") ? write(file, before, after)
                : read(pass.info().id() + "/" + fixture + ".ir");
        List<String> expected = graphs(text);
        assertThat(expected).as("%s: the input graph, a blank line, the expected graph", file).hasSize(2);
        assertThat(before).as("the input graph the test builds (%s)", file).isEqualTo(expected.get(0));
        assertThat(after).as("the graph %s produces (%s)", pass.info().id(), file).isEqualTo(expected.get(1));
        return r;
    }

    /** {@code mean_tokens}: the one place pass tests name this op, so that merging it with token_sum touches one line. */
    static Op meanTokens() {
        return ReduceTokens.MEAN;
    }

    /** {@code token_sum}: see {@link #meanTokens()}. */
    static Op tokenSum() {
        return ReduceTokens.SUM;
    }

    private static String read(String resource) {
        try (InputStream in = PassFixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("no fixture " + RESOURCES + resource
                        + " (run once with -Dir.fixtures.update=true to write it)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The graphs of a fixture, comments left out: blocks of lines from a {@code graph} line to a blank line. */
    private static List<String> graphs(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = null;
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("graph ")) {
                cur = new StringBuilder();
                out.add(null);
            }
            if (line.isBlank()) {
                cur = null;
                continue;
            }
            if (cur != null) {
                cur.append(line).append('\n');
                out.set(out.size() - 1, cur.toString());
            }
        }
        return out;
    }

    private static String write(Path file, String before, String after) {
        try {
            StringBuilder comments = new StringBuilder();
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (line.startsWith("#")) {
                        comments.append(line).append('\n');
                    }
                }
            }
            Files.createDirectories(file.getParent());
            String text = comments + before + "\n" + after;
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.spiketc.compiler.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.spiketc.common.Cancellation;
import org.spiketc.common.CancelledException;
import org.spiketc.common.ProgressListener;
import org.spiketc.common.UserInputException;
import org.spiketc.compiler.passes.PipelineOptions;
import org.spiketc.hw.HardwareProfiles;
import org.spiketc.model.Presets;
import org.spiketc.model.weights.WeightSource;

class CompilerTest {
    static CompileRequest request(String preset, String target, Integer chips, int level) {
        return new CompileRequest(Presets.load(preset), WeightSource.random(42), HardwareProfiles.builtIn(target), chips,
                PipelineOptions.defaults(level), true);
    }

    static byte[] compile(CompileRequest r) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Compiler.compile(r, out, Cancellation.none(), ProgressListener.NONE);
        return out.toByteArray();
    }

    @Test
    void sameInputsGiveTheSameBinaryBytes() throws Exception {
        byte[] a = compile(request("spikformer-4-384-cifar", "loihi2", null, 2));
        byte[] b = compile(request("spikformer-4-384-cifar", "loihi2", null, 2));
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        assertThat(HexFormat.of().formatHex(sha.digest(a))).isEqualTo(HexFormat.of().formatHex(sha.digest(b)));
    }

    @Test
    void aDifferentSeedGivesDifferentBytes() throws Exception {
        var r = request("fmnist-spikformer-tiny", "loihi2", null, 2);
        var other = new CompileRequest(r.model(), WeightSource.random(43), r.target(), null, r.pipeline(), true);
        assertThat(compile(r)).isNotEqualTo(compile(other));
    }

    @Test
    void picksTheSmallestSystemThatFitsAndReportsIt() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompileResult res = Compiler.compile(request("fmnist-spikformer-tiny", "loihi2", null, 2), out, Cancellation.none(),
                ProgressListener.NONE);
        var rep = res.mapping().report();
        assertThat(rep.systemChosen()).isTrue();
        assertThat(rep.systemChips()).isGreaterThanOrEqualTo(rep.chipsNeeded());
        assertThat(rep.coresUsed()).isLessThanOrEqualTo(rep.systemChips() * 128);
        assertThat(res.passes().get(0).id()).isEqualTo("O2");
    }

    @Test
    void aModelThatDoesNotFitSaysHowManyChipsItNeeds() {
        assertThatThrownBy(() -> compile(request("spikformer-4-384-cifar", "loihi1", 1, 2)))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("does not fit 1 loihi1 chip")
                .hasMessageContaining("chips");
    }

    @Test
    void honoursCancellation() {
        Cancellation c = new Cancellation();
        c.cancel();
        assertThatThrownBy(() -> Compiler.compile(request("fmnist-spikformer-tiny", "loihi2", null, 2),
                new ByteArrayOutputStream(), c, ProgressListener.NONE)).isInstanceOf(CancelledException.class);
    }
}

package org.spiketc.testsupport;

import java.util.List;
import org.spiketc.common.Cancellation;
import org.spiketc.common.ProgressListener;
import org.spiketc.compiler.pass.PassContext;
import org.spiketc.compiler.pass.PassInstrument;
import org.spiketc.hw.HardwareProfiles;

/** The context passes run in under test: the built-in Loihi 2, no progress listener, never cancelled unless asked. */
public final class TestPassContext {
    /** The target every pass test compiles for. */
    public static final String TARGET = "loihi2";

    private TestPassContext() {
    }

    public static PassContext loihi2(PassInstrument... instruments) {
        return loihi2(Cancellation.none(), instruments);
    }

    public static PassContext loihi2(Cancellation cancellation, PassInstrument... instruments) {
        return new PassContext(HardwareProfiles.builtIn(TARGET), List.of(instruments), cancellation, ProgressListener.NONE);
    }
}

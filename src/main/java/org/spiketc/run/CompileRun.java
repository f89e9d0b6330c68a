package org.spiketc.run;

import java.time.Instant;
import org.spiketc.compiler.driver.CompileResult;
import org.spiketc.report.CompileResults;
import org.spiketc.report.PeakMemory;
import org.spiketc.result.HostInfo;
import org.spiketc.result.Result;
import org.spiketc.result.RunSpec;

/**
 * A finished compile: the compiler's own result (for its text report), the heap peak, and, on request, the
 * typed result. The result is built when asked for, so that a caller timing compiles (the benchmarks) times
 * the compiler and not the report.
 */
public record CompileRun(RunSpec spec, CompileResult compile, PeakMemory.Reading peak, Instant finished) {
    public Result result() {
        return CompileResults.of(spec, compile, peak, HostInfo.detect(), finished);
    }
}

package org.spiketc.run;

import org.spiketc.compiler.driver.CompileResult;
import org.spiketc.report.PeakMemory;
import org.spiketc.result.Result;

/** A finished compile: the compiler's own result (for its text report), the heap peak, and the typed result. */
public record CompileRun(CompileResult compile, PeakMemory.Reading peak, Result result) {
}

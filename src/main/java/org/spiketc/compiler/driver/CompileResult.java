package org.spiketc.compiler.driver;

import java.util.List;
import org.spiketc.compiler.codegen.BinaryWriter;
import org.spiketc.compiler.frontend.ModelStatistics;
import org.spiketc.compiler.ir.Graph;
import org.spiketc.compiler.mapping.Mapping;
import org.spiketc.compiler.pass.PassRecord;
import org.spiketc.compiler.pass.PassTiming;

/**
 * Everything a compilation produced and measured.
 *
 * @param request    what was asked
 * @param stats      model size as the papers count it
 * @param graph      the final (mapped) graph
 * @param passes     one record per pass, pipeline first
 * @param timing     the pass timing tree
 * @param mapping    placement, routes and resources
 * @param binary     the written binary's size and checksum
 * @param stages     wall time per stage
 */
public record CompileResult(CompileRequest request, ModelStatistics stats, Graph graph, List<PassRecord> passes,
        PassTiming timing, Mapping mapping, BinaryWriter.Result binary, StageTimes stages) {

    /** Wall milliseconds of each stage and in total (inside the JVM, from config to written binary). */
    public record StageTimes(double frontendMs, double passesMs, double mappingMs, double codegenMs, double totalMs) {
    }
}

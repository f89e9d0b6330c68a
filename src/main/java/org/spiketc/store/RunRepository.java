package org.spiketc.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.spiketc.analysis.Measurement;
import org.spiketc.result.ResultDocument;

/** Stored runs: the one way the CLI, the benchmarks and the workbench record and read results. */
public interface RunRepository {
    /** Records a run that starts now, as RUNNING in this process; returns its id. */
    long begin(NewRun run);

    /**
     * Completes a run in one transaction: its status, end time, result document, metrics with samples,
     * and the pass and layer records the document holds.
     */
    void finish(long id, RunStatus status, ResultDocument result);

    /** Stores a finished result from elsewhere (a file, a baseline script) in one transaction; returns its id. */
    long importResult(ResultDocument result);

    /**
     * Stores several finished results in one transaction, all or none; returns their ids in order. A
     * result the database refuses is named by its {@link ResultDocument#origin()}.
     */
    List<Long> importResults(List<ResultDocument> results);

    List<StoredRun> list(RunQuery query);

    Optional<StoredRun> find(long id);

    Optional<ResultDocument> result(long id);

    Map<String, Measurement> metrics(long id);

    /** Deletes a run and everything recorded with it; false if there was none. */
    boolean delete(long id);

    /** Appends points to a run's series (chunked: cheap for millions of points). */
    void appendSeries(long id, String series, double[] x, double[] y);

    Series series(long id, String series);

    List<String> seriesNames(long id);
}

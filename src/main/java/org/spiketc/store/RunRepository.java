package org.spiketc.store;

import java.util.Collection;
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

    /**
     * Stores a finished result from elsewhere (a file, a baseline script) in one transaction; returns its
     * id. The document's top-level "configuration" object, where it has one, becomes the run's configuration.
     */
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

    /**
     * Sets a run's label, the user's one line about it ({@link RunLabels#label}); null or blank clears it.
     * A run that does not exist, or a label that is not one short line, is refused with a {@link StoreException}.
     */
    void setLabel(long id, String label);

    /**
     * Adds and removes a run's tags ({@link RunLabels#tag}) in one transaction, all or none: adding a tag it
     * has and removing one it lacks change nothing. Returns its tags after, in order. A run that does not
     * exist, a tag that is not allowed, or more than {@link RunLabels#MAX_TAGS} tags is refused with a
     * {@link StoreException}.
     */
    List<String> changeTags(long id, Collection<String> add, Collection<String> remove);

    /** Deletes a run and everything recorded with it (metrics, series, records, tags); false if there was none. */
    boolean delete(long id);

    /** Appends points to a run's series (chunked: cheap for millions of points). */
    void appendSeries(long id, String series, double[] x, double[] y);

    Series series(long id, String series);

    List<String> seriesNames(long id);
}

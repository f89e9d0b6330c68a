/**
 * The typed result of every run (compile, inference, sweep point, benchmark): {@link org.spiketc.result.Result}
 * and its {@link org.spiketc.result.Metric}s, each made from a {@link org.spiketc.result.Quantity} of the
 * {@link org.spiketc.result.Quantities} catalogue, which declares its unit, better direction and role once;
 * {@link org.spiketc.result.ResultJson}, the one writer and reader of the seed's JSON (schema 2, older files
 * read as they were); {@link org.spiketc.result.RunSpec}, the one serialisable description of a run that the
 * store records as its configuration. Headless, below the reports, the run service and every front end.
 */
package org.spiketc.result;

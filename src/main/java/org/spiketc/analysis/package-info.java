/**
 * Judging results against a baseline: which way each metric should move, how large a change must be
 * to count, and whether repeated samples show it (after asv's {@code compare}). Pure functions over
 * numbers; no I/O.
 */
package org.spiketc.analysis;

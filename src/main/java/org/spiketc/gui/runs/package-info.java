/** The Runs view: stored runs, their metrics, comparison with verdicts, trade-offs, import and export. */
package org.spiketc.gui.runs;

/** The run queue: queued, running and finished runs of the workbench, one at a time on the run thread. */
package org.spiketc.gui.queue;

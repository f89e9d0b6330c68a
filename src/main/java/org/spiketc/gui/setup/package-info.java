/** The Setup view: the form that chooses model, hardware and pipeline, and the submission of its runs. */
package org.spiketc.gui.setup;

/** The Live view: charts of a running inference (accuracy, energy, latency, firing rates) as results arrive. */
package org.spiketc.gui.live;

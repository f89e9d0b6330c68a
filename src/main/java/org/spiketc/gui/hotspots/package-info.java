/** The Hotspots view: where compile time, cores, energy and register overflow go, per pass and per layer. */
package org.spiketc.gui.hotspots;

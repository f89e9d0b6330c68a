/**
 * Reports of compiler results: the text report, the seed-shaped JSON, host information and peak
 * memory. Depends on the compiler driver and below; no GUI.
 */
package org.spiketc.report;

/**
 * Hardware profiles: Loihi-class chip organisation, formats, energy and timing, each figure with its
 * source. Depends on common only.
 */
package org.spiketc.hw;

/**
 * What every stage shares: user-facing errors, cancellation, progress and the JSON configuration.
 * Depends on nothing else in the product.
 */
package org.spiketc.common;

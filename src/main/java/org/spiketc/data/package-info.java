/** Labelled data sets (IDX files: Fashion-MNIST). Depends on common only. */
package org.spiketc.data;

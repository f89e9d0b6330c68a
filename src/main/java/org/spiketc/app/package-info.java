/** Entry points that wire the product together; nothing depends on this package. */
package org.spiketc.app;

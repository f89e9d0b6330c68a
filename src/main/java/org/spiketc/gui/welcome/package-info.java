/** The Welcome view: what the workbench does and a demo that compiles and runs the shipped model. */
package org.spiketc.gui.welcome;

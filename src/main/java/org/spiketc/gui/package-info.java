/**
 * The JavaFX workbench: one feature package per view, each a View (thin, builds controls) and a
 * ViewModel (state and actions as properties, testable without a stage). The only package that may touch
 * JavaFX, ControlsFX or JFreeChart; it drives the same engine, store and benchmarks as the command line.
 */
package org.spiketc.gui;

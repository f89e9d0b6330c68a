/**
 * Mapping: populations to core-sized slices, slices to chips, chips and cores onto the mesh, routes
 * and the resource report. Depends on compiler.ir, hw and common.
 */
package org.spiketc.compiler.mapping;

/** The .nxe binary: writer, validating reader and format constants. Depends on compiler.mapping, compiler.ir, common. */
package org.spiketc.compiler.codegen;

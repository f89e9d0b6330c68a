package org.spiketc.compiler.pass;

import org.spiketc.compiler.ir.Graph;
import org.spiketc.compiler.ir.IrException;
import org.spiketc.compiler.ir.IrVerifier;

/** Runs the IR verifier after every pass and names the pass that broke an invariant. */
public final class VerifierInstrument implements PassInstrument {
    @Override
    public void runAfterPass(Pass pass, Graph before, Graph after, PassContext context) {
        try {
            IrVerifier.verify(after);
        } catch (IrException e) {
            throw new IrException("after pass " + pass.info().id() + ": " + e.getMessage());
        }
    }
}

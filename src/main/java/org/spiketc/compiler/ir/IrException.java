package org.spiketc.compiler.ir;

/** An IR that breaks an invariant: a bug in a pass or the frontend, never a user error. */
public class IrException extends RuntimeException {
    public IrException(String message) {
        super(message);
    }
}

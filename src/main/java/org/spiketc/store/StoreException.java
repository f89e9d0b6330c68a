package org.spiketc.store;

import org.spiketc.common.UserInputException;

/** The store could not do what was asked (database locked, newer schema, unreachable URL): one clear message. */
public final class StoreException extends UserInputException {
    public StoreException(String message) {
        super(message);
    }
}

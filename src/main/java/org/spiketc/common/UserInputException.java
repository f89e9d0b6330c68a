package org.spiketc.common;

/**
 * A problem with what the user gave us: a file, a flag, a config value, a model that does not fit.
 *
 * <p>Its message is shown to the user as is (one line, naming the problem) and the CLI exits with
 * code 2. Anything else that escapes a stage is an internal error.
 */
public class UserInputException extends RuntimeException {
    public UserInputException(String message) {
        super(message);
    }

    public UserInputException(String message, Throwable cause) {
        super(message, cause);
    }
}

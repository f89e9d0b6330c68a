package org.spiketc.fuzz;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.util.regex.Pattern;
import org.spiketc.common.UserInputException;

/**
 * The invariant every reader keeps on hostile bytes: it returns, or it throws the project's
 * {@link UserInputException} with one line in the user's words (no Java class name), and it never
 * allocates more than a bound proportional to the input.
 */
final class HostileInput {
    /** A fully qualified Java name or a bare exception class name: what a user must never read. */
    private static final Pattern JAVA_NAME = Pattern.compile("\\b(java|javax|jdk|sun|com\\.fasterxml|org\\.h2)\\.[a-z]|\\w+(Exception|Error)\\b");
    /**
     * Text a reader quotes from the file ('...': a token, a field or tensor name) is the user's own
     * words, even when it happens to spell "SomethingException"; it is left out of the name check.
     */
    private static final Pattern QUOTED = Pattern.compile("'[^']*'");
    private static final ThreadMXBean THREADS =
            (ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** What a reader does with the bytes. */
    @FunctionalInterface
    interface Reader {
        void read() throws Exception;
    }

    private HostileInput() {
    }

    /** Allocation every input may use whatever its size: first-call class loading and initialisation, small buffers. */
    static final long FIXED_ALLOWANCE = 32L << 20;

    /**
     * Runs {@code reader} and checks the invariant; it may allocate on this thread at most
     * {@link #FIXED_ALLOWANCE} plus {@code perByte} bytes per input byte.
     */
    static void check(int inputLength, long perByte, Reader reader) throws Exception {
        long fixed = FIXED_ALLOWANCE;
        long before = THREADS.getCurrentThreadAllocatedBytes();
        try {
            reader.read();
        } catch (UserInputException e) {
            String m = e.getMessage();
            if (m == null || m.isBlank() || m.contains("\n") || JAVA_NAME.matcher(QUOTED.matcher(m).replaceAll("'…'")).find()) {
                throw new AssertionError("not a one-line message in the user's words: " + m, e);
            }
        }
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
        long bound = fixed + perByte * inputLength;
        if (allocated > bound) {
            throw new AssertionError(allocated + " bytes allocated for a " + inputLength + "-byte input (bound " + bound + ")");
        }
    }
}

package org.spiketc.compiler.codegen;

/**
 * A decoded binary disagrees with its format or with itself. Its message is in the user's words and says
 * where (section, record, field) and which limit; {@link BinaryReader} prefixes the file.
 */
final class CorruptBinary extends RuntimeException {
    CorruptBinary(String message) {
        super(message, null, false, false);
    }
}

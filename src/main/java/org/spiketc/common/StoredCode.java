package org.spiketc.common;

import java.util.StringJoiner;

/**
 * An enum constant that a file format stores as a number. The number is declared on the constant, never
 * taken from its ordinal, so that reordering or adding constants cannot change what files mean.
 */
public interface StoredCode {
    /** The number the format stores. */
    int code();

    /** How messages name it. */
    String label();

    /** The constant of {@code type} stored as {@code code}, or null for a number the format does not define. */
    static <E extends Enum<E> & StoredCode> E ofCode(Class<E> type, int code) {
        for (E e : type.getEnumConstants()) {
            if (e.code() == code) {
                return e;
            }
        }
        return null;
    }

    /** "0 LIF, 1 relay-sum, ...": every code of {@code type} with its label, for messages. */
    static <E extends Enum<E> & StoredCode> String list(Class<E> type) {
        StringJoiner j = new StringJoiner(", ");
        for (E e : type.getEnumConstants()) {
            j.add(e.code() + " " + e.label());
        }
        return j.toString();
    }
}

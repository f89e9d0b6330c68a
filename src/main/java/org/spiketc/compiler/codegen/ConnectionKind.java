package org.spiketc.compiler.codegen;

import org.spiketc.common.StoredCode;
import org.spiketc.compiler.ir.Connection;

/**
 * The connection of an input group in a {@code .nxe} binary (the group record's first byte, see
 * {@code binary-format.md}), with the number the binary stores for it. The IR's {@link Connection}s
 * are translated here and nowhere else; {@link #GATE_OPERAND} has no IR connection (a gate's inputs
 * are operands of the {@code Gate} op itself).
 */
public enum ConnectionKind implements StoredCode {
    CONV(0, "conv"),
    POOL(1, "pool"),
    IDENTITY(2, "identity"),
    TOKEN_SUM(3, "token-sum"),
    GLOBAL_DENSE(4, "global-dense"),
    /** One operand of an attention product: the group's k, s, p and grid are product, operand, heads and grid. */
    COINCIDENCE(5, "coincidence"),
    GATE_OPERAND(8, "gate operand");

    private final int code;
    private final String label;

    ConnectionKind(int code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The number the binary stores; part of the format, never renumbered. */
    @Override
    public int code() {
        return code;
    }

    @Override
    public String label() {
        return label;
    }

    /** The connection stored as {@code code}, or null for a number the format does not define. */
    public static ConnectionKind ofCode(int code) {
        return StoredCode.ofCode(ConnectionKind.class, code);
    }

    /** The binary's connection for a synapse group of a neuron layer. */
    public static ConnectionKind of(Connection c) {
        if (c instanceof Connection.Conv) {
            return CONV;
        }
        if (c instanceof Connection.Pool) {
            return POOL;
        }
        if (c instanceof Connection.Identity) {
            return IDENTITY;
        }
        if (c instanceof Connection.TokenSum) {
            return TOKEN_SUM;
        }
        if (c instanceof Connection.GlobalDense) {
            return GLOBAL_DENSE;
        }
        if (c instanceof Connection.Coincidence) {
            return COINCIDENCE;
        }
        throw new IllegalArgumentException("no binary connection for " + c);
    }
}

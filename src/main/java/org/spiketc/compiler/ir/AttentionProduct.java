package org.spiketc.compiler.ir;

import org.spiketc.common.StoredCode;

/**
 * The four per-head products of spiking self-attention, one vocabulary from the front end's
 * {@link HeadMatMul} through the lowered {@link Connection.Coincidence} to the binary's coincidence
 * groups and the emulator. Q, K, V are [C, H, W] spike tensors; head h owns channels h·d .. h·d+d-1
 * (d = C / heads) and the N = H·W positions are the tokens. CIFAR computes (Q·Kᵀ)·V with {@link #QK}
 * then {@link #AV}; ImageNet computes Q·(Kᵀ·V) with {@link #KV} then {@link #QM}.
 */
public enum AttentionProduct implements StoredCode {
    /** A[h, n, m] = Σ_j Q[h·d+j, n] K[h·d+j, m]; result [heads, N, N]. */
    QK(0, "qk_t"),
    /** X[h·d+j, n] = Σ_m A[h, n, m] V[h·d+j, m]; result [C, H, W]. */
    AV(1, "av"),
    /** M[h, i, j] = Σ_n K[h·d+i, n] V[h·d+j, n]; result [heads, d, d]. */
    KV(2, "kt_v"),
    /** X[h·d+j, n] = Σ_i Q[h·d+i, n] M[h, i, j]; result [C, H, W]. */
    QM(3, "q_m");

    private final int code;
    private final String formula;

    AttentionProduct(int code, String formula) {
        this.code = code;
        this.formula = formula;
    }

    /** The number a binary's coincidence group stores in its k field; part of the format, never renumbered. */
    @Override
    public int code() {
        return code;
    }

    @Override
    public String label() {
        return name();
    }

    /**
     * The head_matmul {@code mode} attribute of IR dumps ({@code qk_t}, {@code kt_v}: which operand is
     * transposed), kept as it was printed before so that dumps still diff against older ones.
     */
    public String formula() {
        return formula;
    }

    /** The product stored as {@code code}, or null for a number the format does not define. */
    public static AttentionProduct ofCode(int code) {
        return StoredCode.ofCode(AttentionProduct.class, code);
    }
}

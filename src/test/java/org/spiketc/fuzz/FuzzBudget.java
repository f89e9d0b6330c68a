package org.spiketc.fuzz;

/**
 * What the fuzz tests share: the annotation's duration (used when a single fuzz test is started by
 * hand with JAZZER_FUZZ=1; the build overrides it, see src/site/markdown/testing.md) and the
 * allocation each reader may spend per input byte.
 */
final class FuzzBudget {
    /** Duration of a fuzz test started by hand; the build passes its own (-Dfuzz.seconds). */
    static final String DEFAULT = "2m";
    /**
     * JSON readers build a tree: a few dozen bytes of nodes per input byte (an array of one-digit
     * numbers costs about 20 bytes per character), plus the parsed records.
     */
    static final long JSON_PER_BYTE = 64;
    /** A plain IDX file: the body buffer grows by doubling, then is cut into images (about 4 bytes per byte). */
    static final long IDX_PER_BYTE = 16;
    /** A gzipped one inflates at most about 1,032:1 (deflate's limit), then the same 4 bytes per byte. */
    static final long GZIP_PER_BYTE = 1032 * 8;

    private FuzzBudget() {
    }

    static long idxPerByte(byte[] data) {
        return data.length >= 2 && (data[0] & 0xff) == 0x1f && (data[1] & 0xff) == 0x8b ? GZIP_PER_BYTE : IDX_PER_BYTE;
    }
}

package org.spiketc.compiler.mapping;

/**
 * The part of a source population one slice reads: channel range [c0, c1), flattened position range
 * [p0, p1) of the source's index space (bounding), and how many distinct source neurons (input
 * axons) it really needs.
 */
record Region(int c0, int c1, long p0, long p1, long axons) {
}

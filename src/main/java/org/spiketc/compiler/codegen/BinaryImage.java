package org.spiketc.compiler.codegen;

import java.util.List;

/**
 * A validated {@code .nxe} file as the reader sees it.
 *
 * @param version   format version
 * @param profile   hardware profile id
 * @param chips     chips of the system
 * @param cores     cores used
 * @param timeSteps T
 * @param size      file size
 * @param crc32c    checksum of everything after the header
 * @param sections  section types, offsets and lengths
 */
public record BinaryImage(int version, String profile, int chips, int cores, int timeSteps, long size, long crc32c,
        List<Section> sections) {
    /** One entry of the section table. */
    public record Section(String name, long offset, long length) {
    }
}

package org.spiketc.report;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Peak memory of this process: the kernel's high-water mark of resident memory (VmHWM) where Linux
 * provides it, else the sum of the JVM's memory-pool peaks.
 */
public final class PeakMemory {
    private PeakMemory() {
    }

    /** @return {megabytes, source} */
    public static Reading read() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return new Reading(kb / 1024.0, "peak RSS (VmHWM)");
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getPeakUsage() != null) {
                peak += p.getPeakUsage().getUsed();
            }
        }
        return new Reading(peak / (1024.0 * 1024), "JVM memory pool peaks");
    }

    public record Reading(double megabytes, String source) {
    }
}

package org.spiketc.result;

import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.HardwareAbstractionLayer;

/**
 * The machine a measurement ran on (OSHI), so results from different hosts are never compared
 * silently.
 */
public record HostInfo(String cpu, int physicalCores, int logicalCores, long memoryMb, String os, String java) {
    /** "cpu, N cores, M MB": the machine in one line, as run lists show it. */
    public String summary() {
        return cpu + ", " + logicalCores + " cores, " + memoryMb + " MB";
    }

    private static volatile HostInfo detected;

    /** This machine, read once per process (OSHI takes a noticeable time on its first call). */
    public static HostInfo detect() {
        HostInfo h = detected;
        if (h == null) {
            h = read();
            detected = h;
        }
        return h;
    }

    private static HostInfo read() {
        String javaVersion = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
        try {
            SystemInfo si = new SystemInfo();
            HardwareAbstractionLayer hw = si.getHardware();
            CentralProcessor cpu = hw.getProcessor();
            return new HostInfo(cpu.getProcessorIdentifier().getName().trim(), cpu.getPhysicalProcessorCount(),
                    cpu.getLogicalProcessorCount(), hw.getMemory().getTotal() / (1024 * 1024), si.getOperatingSystem().toString(),
                    javaVersion);
        } catch (RuntimeException | LinkageError e) {
            // OSHI cannot read this platform: fall back to what the JVM knows.
            Runtime rt = Runtime.getRuntime();
            return new HostInfo(System.getProperty("os.arch"), rt.availableProcessors(), rt.availableProcessors(),
                    rt.maxMemory() / (1024 * 1024), System.getProperty("os.name"), javaVersion);
        }
    }
}

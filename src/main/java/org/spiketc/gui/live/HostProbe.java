package org.spiketc.gui.live;

import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;

/** Reads the host's CPU load and memory use (OSHI); an interface so tests can feed fixed readings. */
interface HostProbe {
    /** System CPU load between this call and the previous one, 0..1. */
    double cpuLoad();

    double jvmUsedMb();

    double systemUsedMb();

    static HostProbe oshi() {
        SystemInfo si = new SystemInfo();
        CentralProcessor cpu = si.getHardware().getProcessor();
        GlobalMemory memory = si.getHardware().getMemory();
        return new HostProbe() {
            private long[] ticks = cpu.getSystemCpuLoadTicks();

            @Override
            public synchronized double cpuLoad() {
                double load = cpu.getSystemCpuLoadBetweenTicks(ticks);
                ticks = cpu.getSystemCpuLoadTicks();
                return Math.max(0, load);
            }

            @Override
            public double jvmUsedMb() {
                Runtime rt = Runtime.getRuntime();
                return (rt.totalMemory() - rt.freeMemory()) / (1024.0 * 1024);
            }

            @Override
            public double systemUsedMb() {
                return (memory.getTotal() - memory.getAvailable()) / (1024.0 * 1024);
            }
        };
    }
}

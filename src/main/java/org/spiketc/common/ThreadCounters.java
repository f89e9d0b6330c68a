package org.spiketc.common;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;

/**
 * The JVM's own counters of work done, summed over all live threads (HotSpot's per-thread counters): the
 * process CPU total has only 10 ms resolution on Linux, and allocation has no process total at all.
 */
public final class ThreadCounters {
    private ThreadCounters() {
    }

    /** CPU nanoseconds used so far by all live threads. */
    public static long cpuNanos() {
        var mx = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (long id : mx.getAllThreadIds()) {
            sum += Math.max(0, mx.getThreadCpuTime(id));
        }
        return sum;
    }

    /** Bytes allocated so far by all live threads. */
    public static long allocatedBytes() {
        var mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (long b : mx.getThreadAllocatedBytes(mx.getAllThreadIds())) {
            sum += Math.max(0, b);
        }
        return sum;
    }
}

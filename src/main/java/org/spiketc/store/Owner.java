package org.spiketc.store;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The process that owns a RUNNING run: its host name, process id and the process's start time. A run
 * is interrupted when its owner is gone, which only the owner's host can tell: there, no process has
 * that id, or the one that has it started at another time (the id was reused, as happens quickly in
 * containers). A run owned by another host is left as it is.
 *
 * @param started the owner process's start, epoch milliseconds, or null where the platform does not say
 */
record Owner(String host, long pid, Long started) {
    /** Start times of one process read twice agree to the tick; this absorbs rounding, not reuse. */
    private static final long START_TOLERANCE_MS = 1000;
    private static final Owner CURRENT = new Owner(hostName(), ProcessHandle.current().pid(), startOf(ProcessHandle.current()));

    static Owner current() {
        return CURRENT;
    }

    /**
     * Whether the owner recorded as {@code host}, {@code pid}, {@code started} has certainly ended, as
     * seen from this process. Legacy rows without a host are judged as this host's.
     */
    static boolean gone(String host, Long pid, Long started) {
        if (pid == null) {
            return true; // recorded before owners were: nothing can still be running it
        }
        if (host != null && !host.equals(CURRENT.host)) {
            return false; // another machine's process: not ours to judge
        }
        Optional<ProcessHandle> p = ProcessHandle.of(pid);
        if (p.isEmpty() || !p.get().isAlive()) {
            return true;
        }
        if (started == null) {
            return false;
        }
        Long now = startOf(p.get());
        return now != null && Math.abs(now - started) > START_TOLERANCE_MS;
    }

    private static Long startOf(ProcessHandle p) {
        return p.info().startInstant().map(Instant::toEpochMilli).orElse(null);
    }

    /** This machine's name: the kernel's (per container on Linux), else the environment's, else the resolver's. */
    static String hostName() {
        try {
            Path kernel = Path.of("/proc/sys/kernel/hostname");
            if (Files.isReadable(kernel)) {
                String h = Files.readString(kernel).trim();
                if (!h.isEmpty()) {
                    return cut(h);
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through to the next source
        }
        for (String v : new String[] {"HOSTNAME", "COMPUTERNAME"}) {
            String h = System.getenv(v);
            if (h != null && !h.isBlank()) {
                return cut(h.trim());
            }
        }
        try {
            return cut(InetAddress.getLocalHost().getHostName());
        } catch (IOException e) {
            return "localhost";
        }
    }

    private static String cut(String h) {
        return h.length() > 255 ? h.substring(0, 255) : h;
    }
}

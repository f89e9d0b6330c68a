package org.spiketc.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A second JVM on the test classpath, for what one process cannot show about another: a database held
 * open elsewhere, a process killed with SIGKILL. Its output is collected as it comes, so a test can wait
 * for a line and read what had arrived when it acted.
 */
public final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final StringBuilder out = new StringBuilder();
    private final StringBuilder err = new StringBuilder();
    private final PrintWriter in;

    private ChildJvm(Process process) {
        this.process = process;
        this.in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        collect(process.getInputStream(), out);
        collect(process.getErrorStream(), err);
    }

    /** Starts {@code main} with {@code args} in a JVM of at most {@code heapMb} MB, on this JVM's classpath. */
    public static ChildJvm start(int heapMb, List<String> systemProperties, Class<?> main, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + heapMb + "m");
        cmd.add("-XX:TieredStopAtLevel=1"); // short-lived: start fast, little compile work on shared cores
        cmd.add("-Xshare:auto");
        cmd.add("-Duser.language=en");
        cmd.addAll(systemProperties);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main.getName());
        cmd.addAll(List.of(args));
        return new ChildJvm(new ProcessBuilder(cmd).start());
    }

    private static void collect(InputStream s, StringBuilder into) {
        Thread t = new Thread(() -> {
            try (var r = new InputStreamReader(s, StandardCharsets.UTF_8)) {
                char[] buf = new char[4096];
                for (int n; (n = r.read(buf)) >= 0; ) {
                    synchronized (into) {
                        into.append(buf, 0, n);
                        into.notifyAll();
                    }
                }
            } catch (IOException e) {
                // the process is gone; what arrived is kept
            }
        }, "child output");
        t.setDaemon(true);
        t.start();
    }

    public boolean alive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public String out() {
        synchronized (out) {
            return out.toString();
        }
    }

    public String err() {
        synchronized (err) {
            return err.toString();
        }
    }

    /** Sends a line to the child's standard input. */
    public void tell(String line) {
        in.println(line);
    }

    /** Waits until the child's standard output contains {@code text}; false if the child ends or time runs out first. */
    public boolean awaitOut(String text, long timeoutMs) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        long endedAt = -1;
        synchronized (out) {
            while (out.indexOf(text) < 0) {
                long now = System.nanoTime();
                if (endedAt < 0 && !process.isAlive()) {
                    endedAt = now;
                }
                // once the child has ended, its last bytes get half a second to arrive
                if (now > end || endedAt >= 0 && now - endedAt > 500_000_000L) {
                    return false;
                }
                out.wait(50);
            }
            return true;
        }
    }

    /** SIGKILL on Linux: the child gets no chance to run anything. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Waits for the child to end; its exit status, or -1 if it had to be killed after {@code timeoutMs}. */
    public int waitFor(long timeoutMs) throws InterruptedException {
        if (process.waitFor(timeoutMs, TimeUnit.MILLISECONDS)) {
            return process.exitValue();
        }
        kill();
        return -1;
    }

    @Override
    public void close() throws InterruptedException {
        in.close();
        if (process.isAlive()) {
            kill();
        }
    }
}

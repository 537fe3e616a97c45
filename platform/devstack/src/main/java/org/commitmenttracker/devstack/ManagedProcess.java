package org.commitmenttracker.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A child process whose output goes to a log file (never to the launcher's stdout/stderr, which an
 * orphan would otherwise hold open) and which is stopped when closed or when the launcher exits.
 */
public final class ManagedProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Path logFile;
    private final long logStart;
    private final Thread stopOnExit;
    private volatile boolean paused;
    private volatile Runnable onceReady;

    private ManagedProcess(String name, Process process, Path logFile, long logStart) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.logStart = logStart;
        this.stopOnExit = new Thread(this::stop, "stop-" + name);
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    public static ManagedProcess start(String name, List<String> command, Map<String, String> environment,
                                       Path logFile) {
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            long logStart = Files.exists(logFile) ? Files.size(logFile) : 0;
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    // a pipe nothing is written to: it ends when this JVM does, which the child's ParentWatch awaits
                    .redirectInput(ProcessBuilder.Redirect.PIPE);
            builder.environment().putAll(environment);
            return new ManagedProcess(name, builder.start(), logFile, logStart);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name + ": " + command, e);
        }
    }

    /**
     * The JVM option every child JVM gets: no performance-data file. Keeping it current woke the JVM's periodic
     * task thread every 50 ms, 2-3 ms of CPU per second in each idle JVM (of 8); {@code jcmd PID} still attaches,
     * {@code jps} and {@code jstat} no longer list them.
     */
    public static final String NO_PERF_DATA = "-XX:-UsePerfData";

    /** A java command running {@code mainClass} on {@code classpath}, watched so it ends with this JVM. */
    public static List<String> javaCommand(String classpath, List<String> jvmOptions, String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.add(NO_PERF_DATA);
        command.addAll(jvmOptions);
        command.add("-D" + ParentWatch.PARENT_PID_PROPERTY + "=" + ProcessHandle.current().pid());
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(List.of(args));
        return command;
    }

    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public String name() {
        return name;
    }

    public Path logFile() {
        return logFile;
    }

    public long pid() {
        return process.pid();
    }

    /** Waits until {@code ready} holds, failing early (with the log's tail) if the process dies. */
    public void awaitReady(BooleanSupplier ready, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; log " + logFile
                        + ":\n" + tailOfLog());
            }
            if (ready.getAsBoolean()) {
                runOnceReady();
                return;
            }
            sleep(200);
        }
        throw new IllegalStateException(name + " not ready after " + timeout + "; log " + logFile + ":\n" + tailOfLog());
    }

    /**
     * Runs {@code action} in the background the first time {@link #awaitReady} sees this process ready (e.g. to
     * write its class data archive, {@link ClassDataArchive#writeOnceReady}).
     */
    public ManagedProcess onceReady(Runnable action) {
        this.onceReady = action;
        return this;
    }

    private void runOnceReady() {
        Runnable action = onceReady;
        onceReady = null;
        if (action != null) {
            Thread thread = new Thread(action, "once-ready-" + name);
            thread.setDaemon(true);
            thread.start();
        }
    }

    /**
     * Waits until this process writes {@code marker} to its log. Safer than probing a port, which another
     * process may hold (then this one fails to bind while the probe succeeds).
     */
    public void awaitLogLine(String marker, Duration timeout) {
        awaitReady(() -> logSinceStart().contains(marker), timeout);
    }

    /** What this process (not an earlier run appending to the same file) has logged. */
    String logSinceStart() {
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(logFile.toFile(), "r")) {
            long length = file.length() - logStart;
            if (length <= 0) {
                return "";
            }
            byte[] bytes = new byte[(int) Math.min(length, 16 * 1024 * 1024)];
            file.seek(logStart);
            file.readFully(bytes);
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    public String tailOfLog() {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** SIGKILL (no shutdown hooks, nothing flushed), then waits until the process is gone. */
    public void kill() {
        process.destroyForcibly(); // ends a SIGSTOP'd process too
        paused = false;
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGSTOP: the process keeps its sockets and memory but runs no instruction until {@link #resume()}. */
    public void pause() {
        signal("STOP");
        paused = true;
    }

    /** SIGCONT after {@link #pause()}; nothing otherwise. */
    public void resume() {
        if (paused) {
            signal("CONT");
            paused = false;
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    private void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * SIGTERM, so the child runs its shutdown hooks; SIGKILL only if it does not stop within 30 s. A paused
     * process is continued first (a stopped process cannot act on SIGTERM).
     */
    public void stop() {
        if (!process.isAlive()) {
            return;
        }
        resume();
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run: nothing left to unregister
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

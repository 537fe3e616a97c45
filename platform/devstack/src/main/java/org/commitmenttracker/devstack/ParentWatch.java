package org.commitmenttracker.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.CRC32;

/**
 * Ends a child process (broker, store, service) when the JVM that launched it is gone, so a launcher killed
 * without running its shutdown hooks (SIGKILL, a crashed test JVM) leaves no orphan behind. The broker and the
 * store run devstack's classes and call {@link #install()}; a service's executable jar has none of them, so it
 * loads this class as a Java agent ({@link #agentOption()}).
 * <p>Only JDK classes are used here: the agent jar holds this one class.
 */
public final class ParentWatch {
    static final String PARENT_PID_PROPERTY = "devstack.parent.pid";
    /**
     * How often the launcher is looked for when its end cannot be awaited on standard input. {@code
     * ProcessHandle.onExit()} of a process that is not our parent's child polls too, but backs off to 5 s between
     * looks, which a long-running launcher would reach.
     */
    private static final long POLL_MILLIS = 500;
    private static Path agentJar;

    private ParentWatch() {
    }

    /** In a child running devstack's classes, launched with {@code -Ddevstack.parent.pid=PID}. */
    static void install() {
        String pid = System.getProperty(PARENT_PID_PROPERTY);
        if (pid != null) {
            watch(pid);
        }
    }

    /** As a Java agent ({@code -javaagent:JAR=PID}), before the child's own main method runs. */
    public static void premain(String parentPid) {
        watch(parentPid);
    }

    private static void watch(String pid) {
        ProcessHandle.of(Long.parseLong(pid.trim())).filter(ProcessHandle::isAlive).ifPresentOrElse(parent -> {
            Thread watcher = new Thread(() -> {
                awaitEndOfInput();
                while (parent.isAlive()) {
                    try {
                        Thread.sleep(POLL_MILLIS);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                System.err.println("devstack: launcher " + pid + " exited, stopping");
                System.exit(0); // runs the child's shutdown hooks: the store commits, the broker closes its logs, a service stops gracefully
            }, "devstack-parent-watch");
            watcher.setDaemon(true);
            watcher.start();
        }, () -> System.exit(0));
    }

    /**
     * Blocks until standard input ends. {@link ManagedProcess} gives its children a pipe there whose other end only
     * the launcher holds, so it ends when the launcher is gone, killed or not: the watch then costs no wake-ups
     * (polling every {@link #POLL_MILLIS} cost each idle process about 0.5 ms of CPU per second). With any other
     * input (none, or the launcher closed it) this returns at once or when it ends, and the launcher is polled.
     */
    private static void awaitEndOfInput() {
        byte[] discarded = new byte[256];
        try {
            while (System.in.read(discarded) >= 0) {
                // nothing is ever written there
            }
        } catch (IOException e) {
            // no usable input: poll
        }
    }

    /**
     * The java option that makes a JVM end with this one: {@code -javaagent:} a jar holding only this class,
     * written once per version of it to the temporary directory.
     */
    public static synchronized String agentOption() {
        if (agentJar == null) {
            agentJar = writeAgentJar();
        }
        return "-javaagent:" + agentJar + "=" + ProcessHandle.current().pid();
    }

    private static Path writeAgentJar() {
        String entry = ParentWatch.class.getName().replace('.', '/') + ".class";
        byte[] classFile;
        try (InputStream in = ParentWatch.class.getResourceAsStream("/" + entry)) {
            classFile = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + entry, e);
        }
        CRC32 crc = new CRC32();
        crc.update(classFile);
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Path jar = tmp.resolve("devstack-parent-watch-" + HexFormat.of().toHexDigits((int) crc.getValue()) + ".jar");
        if (Files.exists(jar)) {
            return jar;
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(new Attributes.Name("Premain-Class"), ParentWatch.class.getName());
        try {
            // Written aside and moved into place, so a launcher starting at the same time never reads half a jar.
            Path partial = Files.createTempFile(tmp, "devstack-parent-watch-", ".partial");
            try (OutputStream file = Files.newOutputStream(partial); JarOutputStream out = new JarOutputStream(file, manifest)) {
                out.putNextEntry(new JarEntry(entry));
                out.write(classFile);
                out.closeEntry();
            }
            Files.move(partial, jar, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the parent-watch agent to " + jar, e);
        }
    }
}

package org.commitmenttracker.devstack;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Application class data sharing (AppCDS) for a Spring Boot executable jar: its classes parsed, verified and laid out
 * once, then mapped into every later JVM that runs it, which halves the CPU a service spends starting (most of it is
 * loading classes, on a 2-core machine where eight JVMs start at once).
 * <p>The JVM archives classes of plain jars only, so the jar is extracted once ({@code -Djarmode=tools extract}) into
 * {@code target/cds/<size>-<mtime>/}, named after the jar it came from: a rebuilt jar gets a fresh folder and the old
 * ones are removed. The first start records its loaded classes ({@code -XX:+RecordDynamicDumpInfo}) and, once ready,
 * is asked to write them ({@code jcmd PID VM.cds dynamic_dump}): the archive holds everything up to readiness (web
 * server, Kafka and MongoDB clients). Every later start maps it ({@code -XX:SharedArchiveFile}). The archive is named
 * after the JVM that wrote it, and the JVM itself refuses (and runs without) one whose JDK or class path changed.
 * <p>Whatever fails here (no {@code jcmd} in a bare JRE, a full disk) only costs the speed-up: the service then starts
 * from its executable jar as before.
 */
public final class ClassDataArchive {
    private static final String ARCHIVE_SUFFIX = ".jsa";

    private final Path jar;
    private final Path archive;
    private final boolean archived;

    private ClassDataArchive(Path jar, Path archive, boolean archived) {
        this.jar = jar;
        this.archive = archive;
        this.archived = archived;
    }

    /** For the executable jar {@code bootJar}: extracts it if that has not been done for this very jar. */
    public static ClassDataArchive of(Path bootJar) {
        Path root = bootJar.toAbsolutePath().resolveSibling("cds");
        try {
            Path extracted = root.resolve(Files.size(bootJar) + "-" + Files.getLastModifiedTime(bootJar).toMillis());
            if (!Files.isDirectory(extracted)) {
                extract(bootJar, extracted);
                removeOthers(root, extracted);
            }
            Path jar = extracted.resolve(bootJar.getFileName());
            Path archive = extracted.resolve(jvmName() + ARCHIVE_SUFFIX);
            return new ClassDataArchive(jar, archive, Files.isRegularFile(archive));
        } catch (IOException | RuntimeException e) {
            return new ClassDataArchive(bootJar, null, false);
        }
    }

    /** The jar to run: the extracted one, or the executable jar itself when extracting failed. */
    public Path jar() {
        return jar;
    }

    /** The JVM options that map the archive, or that let the JVM write one once the service is ready. */
    public List<String> jvmOptions() {
        if (archive == null) {
            return List.of();
        }
        // The parent watch is a Java agent, which the JVM refuses to dump with unless told (it transforms no class);
        // it then maps the archive only into JVMs told the same.
        List<String> agentAllowed = List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:+AllowArchivingWithJavaAgent");
        List<String> options = new ArrayList<>(agentAllowed);
        options.add(archived ? "-XX:SharedArchiveFile=" + archive : "-XX:+RecordDynamicDumpInfo");
        return options;
    }

    /**
     * After the first start is ready: asks the JVM {@code pid} to write the classes it has loaded (a few seconds, in
     * the service's JVM) to a file of its own, then moves that into place. A concurrent start doing the same is harmless.
     */
    public void writeOnceReady(long pid) {
        if (archive == null || archived || Files.isRegularFile(archive)) {
            return;
        }
        Path partial = archive.resolveSibling(archive.getFileName() + "." + pid + ".partial");
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(pid), "VM.cds", "dynamic_dump", partial.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!jcmd.waitFor(2, TimeUnit.MINUTES)) {
                jcmd.destroyForcibly(); // the service is paused or hung: no archive this time, and no jcmd left behind
            } else if (jcmd.exitValue() == 0 && Files.isRegularFile(partial)) {
                Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            // no archive this time: the next start records again
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            deleteQuietly(partial);
        }
    }

    /** The JVM that will run the service (this one's {@code java}), as a file name. */
    private static String jvmName() {
        return (System.getProperty("java.vm.vendor") + "-" + System.getProperty("java.vm.version"))
                .replaceAll("[^A-Za-z0-9._+-]", "_");
    }

    private static void extract(Path bootJar, Path destination) throws IOException {
        Path partial = destination.resolveSibling(destination.getFileName() + "." + ProcessHandle.current().pid() + ".partial");
        try {
            Files.createDirectories(partial.getParent());
            Process tools = new ProcessBuilder(ManagedProcess.javaExecutable(), "-Djarmode=tools", "-jar",
                    bootJar.toAbsolutePath().toString(), "extract", "--destination", partial.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!tools.waitFor(5, TimeUnit.MINUTES) || tools.exitValue() != 0) {
                tools.destroyForcibly();
                throw new IOException("extracting " + bootJar + " failed");
            }
            try {
                Files.move(partial, destination, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException | AtomicMoveNotSupportedException e) {
                // a concurrent start extracted the same jar first: use theirs
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            deleteQuietly(partial);
        }
    }

    /** Earlier jars' folders (a running JVM keeps the files it opened). */
    private static void removeOthers(Path root, Path keep) throws IOException {
        try (Stream<Path> folders = Files.list(root)) {
            folders.filter(p -> !p.equals(keep) && !p.getFileName().toString().endsWith(".partial"))
                    .forEach(ClassDataArchive::deleteQuietly);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Folders.deleteTree(path);
        } catch (IOException e) {
            // left for the next removal
        }
    }
}

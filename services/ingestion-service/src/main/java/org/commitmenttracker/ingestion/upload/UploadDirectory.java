package org.commitmenttracker.ingestion.upload;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code tracker.ingestion.upload-directory}, rid at start of the uploads a previous run left behind: a JVM that
 * exits mid-request (killed, out of memory) leaves its temporary files, and a pod's {@code /tmp} outlives a container
 * restart. Only files named as this service names them are deleted (spooled bodies and files, the servlet container's
 * multipart parts, PDFBox's scratch files), and only when no other running instance uses the directory: every instance holds a lock on
 * {@code <directory>/.lock} while it runs (the operating system drops it when the process dies), and only the one that
 * gets it alone sweeps.
 */
final class UploadDirectory implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(UploadDirectory.class);
    private static final String LOCK_FILE = ".lock";
    /**
     * {@link SpooledUpload}'s files, Tomcat's multipart parts ({@code upload_<uuid>_<n>.tmp}) and PDFBox's scratch
     * files ({@code PDFBox<n>.tmp}, PdfText).
     */
    private static final List<Pattern> UPLOAD_FILES = List.of(Pattern.compile("upload-[0-9a-f-]+\\.part"),
            Pattern.compile("upload_[0-9a-f_]+_\\d+\\.tmp"), Pattern.compile("PDFBox\\d+\\.tmp"));

    /**
     * The lock of each directory this JVM uses, on one channel however many application contexts share it (tests):
     * closing a second channel on the lock file would drop the process's lock (POSIX locks belong to the process).
     */
    private static final Map<Path, Holders> HELD = new HashMap<>();

    private record Holders(FileChannel lock, int count) {
    }

    private final Path path;

    private UploadDirectory(Path path) {
        this.path = path;
    }

    /** Creates {@code directory} if needed and sweeps it when no other instance holds its lock. */
    static synchronized UploadDirectory open(Path directory) throws IOException {
        Path path = directory.toAbsolutePath().normalize();
        Files.createDirectories(path);
        Holders holders = HELD.get(path);
        HELD.put(path, holders == null ? new Holders(lock(path), 1) : new Holders(holders.lock(), holders.count() + 1));
        return new UploadDirectory(path);
    }

    /** Sweeps {@code directory} if this process alone can lock it, then holds a shared lock on it. */
    private static FileChannel lock(Path directory) throws IOException {
        // Inside the directory: its parent may be read-only (a mounted volume under a read-only root file system).
        Path lockFile = directory.resolve(LOCK_FILE);
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            FileLock alone = channel.tryLock(0, Long.MAX_VALUE, false);
            if (alone != null) {
                sweep(directory);
                alone.release();
            }
            // Shared from now on: other instances may start and use the directory, none sweeps it while this one runs.
            // Waiting for it waits out another instance's sweep, which would otherwise delete this one's files later.
            channel.lock(0, Long.MAX_VALUE, true);
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static void sweep(Path directory) throws IOException {
        List<Path> leftovers;
        try (Stream<Path> files = Files.list(directory)) {
            leftovers = files.filter(file -> UPLOAD_FILES.stream()
                    .anyMatch(name -> name.matcher(file.getFileName().toString()).matches())).toList();
        }
        for (Path leftover : leftovers) {
            Files.deleteIfExists(leftover);
        }
        if (!leftovers.isEmpty()) {
            log.info("Deleted {} upload file(s) a previous run left in {}", leftovers.size(), directory);
        }
    }

    Path path() {
        return path;
    }

    /** Gives up the lock once no application context of this JVM uses the directory: another instance may sweep it. */
    @Override
    public void close() throws IOException {
        synchronized (UploadDirectory.class) {
            Holders holders = HELD.remove(path);
            if (holders.count() > 1) {
                HELD.put(path, new Holders(holders.lock(), holders.count() - 1));
            } else {
                holders.lock().close();
            }
        }
    }
}

package org.commitmenttracker.ingestion.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.commitmenttracker.ingestion.communique.Submission;
import org.commitmenttracker.ingestion.text.DocumentRejected;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

/**
 * One upload in a temporary file of at most the upload limit, so no upload is held in memory whole while it
 * streams in, and conversions and the original's store read it from disk. Closing deletes the file: each request
 * closes its upload when it is answered, refused or failed.
 */
final class SpooledUpload implements AutoCloseable {
    private final Path file;
    private final long size;

    private SpooledUpload(Path file, long size) {
        this.file = file;
        this.size = size;
    }

    /**
     * Copies {@code in} into a new file in {@code directory}; refuses (deleting what was written) a body whose
     * {@code declaredLength} or whose bytes pass {@code limit}, reading at most one buffer past it.
     */
    static SpooledUpload of(InputStream in, long declaredLength, DataSize limit, Path directory) throws IOException {
        if (declaredLength > limit.toBytes()) {
            throw tooLarge(limit);
        }
        Path file = Files.createTempFile(directory, "upload-", ".part");
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long written = 0;
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                written += read;
                if (written > limit.toBytes()) {
                    throw tooLarge(limit);
                }
                out.write(buffer, 0, read);
            }
            return new SpooledUpload(file, written);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /**
     * Takes over a multipart file part, which the container has already bounded and written to {@code directory}
     * (moved there, not copied, when it is on the same file system).
     */
    static SpooledUpload of(MultipartFile part, Path directory) throws IOException {
        Path file = directory.toAbsolutePath().resolve("upload-" + UUID.randomUUID() + ".part");
        try {
            part.transferTo(file);
            return new SpooledUpload(file, Files.size(file));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    private static DocumentRejected tooLarge(DataSize limit) {
        return new DocumentRejected(DocumentRejected.Reason.TOO_LARGE, "The upload is larger than the limit of "
                + limit.toBytes() + " bytes (tracker.ingestion.max-upload-size).");
    }

    Path file() {
        return file;
    }

    long size() {
        return size;
    }

    /** The upload as the stored original; valid until this upload is closed. */
    Submission.Content content() {
        return Submission.Content.of(file, size);
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }
}

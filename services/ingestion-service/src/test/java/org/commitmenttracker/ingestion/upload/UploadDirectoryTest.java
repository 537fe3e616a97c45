package org.commitmenttracker.ingestion.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The upload files a run that died mid-request left behind are deleted when the service starts; other files are kept,
 * and nothing is deleted while another instance uses the directory.
 */
class UploadDirectoryTest {
    @TempDir
    Path tmp;

    @Test
    void leftoverUploadFilesAreDeletedAtStartAndOtherFilesKept() throws IOException {
        Path uploads = tmp.resolve("ingestion-uploads");
        Files.createDirectories(uploads);
        Path spooledBody = Files.createTempFile(uploads, "upload-", ".part");
        Path spooledFile = Files.writeString(uploads.resolve("upload-" + UUID.randomUUID() + ".part"), "file");
        Path multipartPart = Files.writeString(uploads.resolve("upload_" + UUID.randomUUID().toString().replace('-', '_')
                + "_00000003.tmp"), "part");
        Path notOurs = Files.writeString(uploads.resolve("notes.txt"), "kept");
        Path pdfScratch = Files.writeString(uploads.resolve("PDFBox8123456789012345678.tmp"), "scratch");

        try (UploadDirectory directory = UploadDirectory.open(uploads)) {
            assertThat(directory.path()).isEqualTo(uploads.toAbsolutePath());
            // The lock sits inside the directory: its parent may be read-only.
            assertThat(filesIn(uploads)).containsExactlyInAnyOrder(notOurs, uploads.resolve(".lock"))
                    .doesNotContain(spooledBody, spooledFile, multipartPart, pdfScratch);
        }
    }

    @Test
    void aDirectoryMissingAtStartIsCreated() throws IOException {
        Path uploads = tmp.resolve("new/ingestion-uploads");
        try (UploadDirectory directory = UploadDirectory.open(uploads)) {
            assertThat(uploads).isDirectory();
        }
    }

    @Test
    void nothingIsDeletedWhileAnotherInstanceUsesTheDirectoryAndTheNextOneAloneSweeps() throws IOException {
        Path uploads = tmp.resolve("ingestion-uploads");
        Path inFlight;
        try (UploadDirectory running = UploadDirectory.open(uploads)) {
            inFlight = Files.createTempFile(uploads, "upload-", ".part");
            try (UploadDirectory second = UploadDirectory.open(uploads)) {
                assertThat(inFlight).as("an upload of the instance still running").exists();
            }
        }
        try (UploadDirectory next = UploadDirectory.open(uploads)) {
            assertThat(inFlight).as("left by instances that have stopped").doesNotExist();
        }
    }

    private static List<Path> filesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        }
    }
}

package org.commitmenttracker.ingestion.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.commitmenttracker.ingestion.IngestionClient;
import org.commitmenttracker.ingestion.TestDocuments;
import org.commitmenttracker.testsupport.TestTokens;
import org.commitmenttracker.testsupport.UsesTestStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code ingest DIR} against a running service: every file answered, and a summary that adds up. */
@UsesTestStack(database = "ingestion-it")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IngestCommandIT {
    @LocalServerPort
    int port;

    @Test
    void importsAFolderAndSummarisesImportedDuplicatesAndRejected(@TempDir Path archive) throws Exception {
        String unique = UUID.randomUUID().toString();
        Files.writeString(archive.resolve("2022-pm27.txt"), "联合公报 " + unique + "\n双方商定：\n——加强合作。\n");
        Files.createDirectories(archive.resolve("ru"));
        Files.write(archive.resolve("ru/kommunike.txt"), (TestDocuments.RUSSIAN + unique).getBytes(Charset.forName("windows-1251")));
        Files.write(archive.resolve("ru/statement.pdf"), TestDocuments.pdf("Statement", List.of("Joint statement " + unique)));
        Files.writeString(archive.resolve("same-again.txt"), "联合公报 " + unique + "\n\n双方商定：\n——加强合作。");
        Files.write(archive.resolve("scan.pdf"), TestDocuments.scannedPdf());
        Files.write(archive.resolve("photo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1});
        Files.writeString(archive.resolve(".DS_Store"), "hidden files are skipped");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new IngestCommand(HttpClient.newHttpClient(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false)
                .run(archive.toString(), "--url", "http://127.0.0.1:" + port,
                        "--token", IngestionClient.PUBLISHER.substring("Bearer ".length()));

        String summary = out.toString(StandardCharsets.UTF_8);
        assertThat(status).isEqualTo(1);
        assertThat(summary).contains("imported:   3", "duplicates: 1", "rejected:   2");
        assertThat(summary).contains("scan.pdf: 422", "OCR is not supported");
        assertThat(summary).contains("photo.png: 415");
        String progress = err.toString(StandardCharsets.UTF_8);
        assertThat(progress.lines()).hasSize(6).first().asString().startsWith("[1/6] imported 2022-pm27.txt");
        assertThat(progress).contains("[6/6]").doesNotContain(".DS_Store");
    }

    @Test
    void aRefusedTokenStopsTheImportAtTheFirstFile(@TempDir Path archive) throws Exception {
        Files.writeString(archive.resolve("a.txt"), "联合公报 " + UUID.randomUUID() + "\n——加强合作。\n");
        Files.writeString(archive.resolve("b.txt"), "联合公报 " + UUID.randomUUID() + "\n——加强合作。\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new IngestCommand(HttpClient.newHttpClient(), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8), false).run(archive.toString(), "--url",
                "http://127.0.0.1:" + port, "--token", TestTokens.bearer("reader").substring("Bearer ".length()));
        assertThat(status).isEqualTo(4);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("refused the token (403)", "--role publisher");
    }

    @Test
    void anUnreachableServiceStopsTheImportWithItsOwnStatus(@TempDir Path archive) throws Exception {
        Files.writeString(archive.resolve("a.txt"), "text");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new IngestCommand(HttpClient.newHttpClient(), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8), false).run(archive.toString(), "--url", "http://127.0.0.1:1");
        assertThat(status).isEqualTo(3);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot reach");
    }
}

package org.commitmenttracker.ingestion.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.commitmenttracker.ingestion.TestDocuments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

class TextExtractorTest {
    private static final ConversionLimits LIMITS = new ConversionLimits(1000, DataSize.ofMegabytes(32), DataSize.ofMegabytes(64),
            500, DataSize.ofMegabytes(16), DataSize.ofMegabytes(256), Duration.ofSeconds(30), 2, Duration.ofSeconds(30));
    private static final DataSize MAX_TEXT = DataSize.ofKilobytes(64);
    /** Where a PDF's buffers overflow to (the upload directory in the service). */
    private static final Path SCRATCH = Path.of(System.getProperty("java.io.tmpdir"));
    private final TextExtractor extractor = new TextExtractor(LIMITS, new ConversionSlots(LIMITS), MAX_TEXT, SCRATCH);
    @TempDir
    Path uploads;

    @Test
    void pdfTextKeepsItsLines() {
        byte[] pdf = TestDocuments.pdf("Joint Communique", List.of("Joint Communique", "The sides agreed:", "- to trade more."));
        ExtractedText text = extract(extractor, pdf, "application/pdf", "communique.pdf");
        assertThat(text.text().lines().map(String::strip).toList())
                .containsSubsequence("Joint Communique", "The sides agreed:", "- to trade more.");
        assertThat(text.title()).isEqualTo("Joint Communique");
        assertThat(text.mediaType()).isEqualTo("application/pdf");
    }

    @Test
    void aPdfIsRecognisedByItsContentWhateverItsName() {
        byte[] pdf = TestDocuments.pdf(null, List.of("Joint Communique"));
        assertThat(extract(extractor, pdf, "application/octet-stream", "download").mediaType()).isEqualTo("application/pdf");
    }

    @Test
    void aScannedPdfIsRefusedExplainingThatOcrIsNotSupported() {
        assertRejected(() -> extract(extractor, TestDocuments.scannedPdf(), "application/pdf", "scan.pdf"),
                DocumentRejected.Reason.NO_TEXT_LAYER, "OCR is not supported");
    }

    @Test
    void anEncryptedPdfIsRefused() {
        assertRejected(() -> extract(extractor, TestDocuments.encryptedPdf(), "application/pdf", "secret.pdf"),
                DocumentRejected.Reason.ENCRYPTED, "password");
    }

    @Test
    void docxParagraphsBecomeLines() {
        byte[] docx = TestDocuments.docx("联合公报", List.of("联合公报", "双方商定：", "——加强合作。"));
        ExtractedText text = extract(extractor, docx, null, "communique.docx");
        assertThat(text.text().lines().toList()).containsSubsequence("联合公报", "双方商定：", "——加强合作。");
        assertThat(text.title()).isEqualTo("联合公报");
    }

    @Test
    void aPdfBeyondItsTimeBudgetOrADocxOfTooManyPartsIsRefused() {
        ConversionLimits noTimeLimits = new ConversionLimits(3, LIMITS.docxMaxEntrySize(), LIMITS.docxMaxInflatedSize(),
                500, LIMITS.pdfMaxMemory(), LIMITS.pdfMaxTempFile(), Duration.ZERO, 1, LIMITS.queueWait());
        TextExtractor noTime = new TextExtractor(noTimeLimits, new ConversionSlots(noTimeLimits), MAX_TEXT, SCRATCH);
        assertRejected(() -> extract(noTime, TestDocuments.pdfOfPages(2), "application/pdf", "slow.pdf"),
                DocumentRejected.Reason.TOO_LARGE, "pdf-time-limit");
        assertRejected(() -> extract(noTime, TestDocuments.docx("parts", List.of("text")), null, "parts.docx"),
                DocumentRejected.Reason.ZIP_BOMB, "zip bomb");
    }

    @Test
    void corruptAndZipBombDocxAreRefused() {
        assertRejected(() -> extract(extractor, TestDocuments.corruptDocx(), null, "broken.docx"),
                DocumentRejected.Reason.UNREADABLE, "not a readable DOCX");
        assertRejected(() -> extract(extractor, TestDocuments.zipBombDocx(), null, "bomb.docx"),
                DocumentRejected.Reason.ZIP_BOMB, "zip bomb");
    }

    @Test
    void htmlLosesScriptsAndMarkupButKeepsBlocksAsLines() {
        String html = """
                <!doctype html><html><head><title>Joint communiqué</title><script>alert('head')</script></head>
                <body><h1>Joint <b>communiqué</b></h1><script>document.cookie</script>
                <p>The sides agreed:</p><ul><li>to trade &amp; invest;</li><li onclick="evil()">to meet again.</li></ul>
                <style>p { color: red }</style><noscript>enable JS</noscript></body></html>
                """;
        ExtractedText text = extract(extractor, html.getBytes(StandardCharsets.UTF_8), "text/html", "page.html");
        assertThat(text.text().lines().toList())
                .containsExactly("Joint communiqué", "The sides agreed:", "to trade & invest;", "to meet again.");
        assertThat(text.text()).doesNotContain("<", "alert", "cookie", "evil", "color", "enable JS");
        assertThat(text.title()).isEqualTo("Joint communiqué");
    }

    @Test
    void textFilesAreDecodedAndLineEndsNormalised() {
        byte[] windows = TestDocuments.RUSSIAN.replace("\n", "\r\n").getBytes(CharsetDetector.WINDOWS_1251);
        ExtractedText text = extract(extractor, windows, "text/plain", "коммюнике.txt");
        assertThat(text.text()).isEqualTo(TestDocuments.RUSSIAN);
        assertThat(text.mediaType()).isEqualTo("text/plain;charset=windows-1251");
    }

    @Test
    void aTextFileLargerThanTwiceTheTextLimitIsRefusedUnreadButOneOfUtf16WithinTheLimitIsRead() {
        String ascii = "a".repeat((int) MAX_TEXT.toBytes());
        ExtractedText utf16 = extract(extractor, ascii.getBytes(StandardCharsets.UTF_16LE),
                "text/plain; charset=UTF-16LE", "wide.txt");
        assertThat(utf16.text()).isEqualTo(ascii);

        byte[] tooLarge = new byte[(int) (2 * MAX_TEXT.toBytes() + 1)];
        Arrays.fill(tooLarge, (byte) 'a');
        assertRejected(() -> extract(extractor, tooLarge, "text/plain", "huge.txt"), DocumentRejected.Reason.TOO_LARGE,
                "twice tracker.ingestion.max-text-size");
    }

    @Test
    void docxAndHtmlAreConvertedInAConversionSlotAndRefusedBusyWhenNoneIsFree() {
        ConversionLimits oneSlot = new ConversionLimits(1000, LIMITS.docxMaxEntrySize(), LIMITS.docxMaxInflatedSize(),
                500, LIMITS.pdfMaxMemory(), LIMITS.pdfMaxTempFile(), LIMITS.pdfTimeLimit(), 1, Duration.ZERO);
        ConversionSlots slots = new ConversionSlots(oneSlot);
        TextExtractor bounded = new TextExtractor(oneSlot, slots, MAX_TEXT, SCRATCH);
        byte[] docx = TestDocuments.docx(null, List.of("Joint communiqué"));
        byte[] html = "<p>Joint communiqué</p>".getBytes(StandardCharsets.UTF_8);
        byte[] pdf = TestDocuments.pdf(null, List.of("Joint Communique"));
        try (ConversionSlots.Slot inProgress = slots.take()) {
            assertRejected(() -> extract(bounded, docx, null, "communique.docx"), DocumentRejected.Reason.BUSY, "upload it again");
            assertRejected(() -> extract(bounded, html, "text/html", "page.html"), DocumentRejected.Reason.BUSY, "upload it again");
            assertRejected(() -> extract(bounded, pdf, "application/pdf", "c.pdf"), DocumentRejected.Reason.BUSY, "upload it again");
            assertThat(extract(bounded, "Joint communiqué".getBytes(StandardCharsets.UTF_8), "text/plain", "c.txt").text())
                    .as("a text file needs no conversion slot").isEqualTo("Joint communiqué");
        }
        assertThat(extract(bounded, docx, null, "communique.docx").text()).contains("Joint communiqué");
        assertThat(extract(bounded, html, "text/html", "page.html").text()).isEqualTo("Joint communiqué");
        slots.take().close(); // every conversion gave its slot back
    }

    @Test
    void otherFileTypesAndEmptyFilesAreRefused() {
        assertRejected(() -> extract(extractor, new byte[] {(byte) 0x89, 'P', 'N', 'G'}, "image/png", "photo.png"),
                DocumentRejected.Reason.UNSUPPORTED_TYPE, "TXT, PDF, DOCX or HTML");
        assertRejected(() -> extract(extractor, new byte[] {1, 2, 3}, "application/octet-stream", "program.exe"),
                DocumentRejected.Reason.UNSUPPORTED_TYPE, ".exe");
        assertRejected(() -> extract(extractor, new byte[0], "text/plain", "empty.txt"), DocumentRejected.Reason.EMPTY, "empty");
        assertRejected(() -> extract(extractor, "<html><script>x()</script></html>".getBytes(StandardCharsets.UTF_8),
                "text/html", "only-script.html"), DocumentRejected.Reason.EMPTY, "no text");
    }

    /** The extractor reads an upload from its temporary file, as the controller hands it over. */
    private ExtractedText extract(TextExtractor with, byte[] content, String mediaType, String fileName) {
        try {
            Path file = Files.createTempFile(uploads, "upload-", ".part");
            Files.write(file, content);
            return with.extract(file, mediaType, fileName);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertRejected(ThrowingCallable call, DocumentRejected.Reason reason, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DocumentRejected.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.getMessage()).containsIgnoringCase(message);
        });
    }
}

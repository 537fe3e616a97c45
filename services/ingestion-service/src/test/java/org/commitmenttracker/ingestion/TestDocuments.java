package org.commitmenttracker.ingestion;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Files of every kind a user uploads, good and bad, made on the fly with the same libraries the service reads them with. */
public final class TestDocuments {
    public static final String RUSSIAN = """
            Совместное коммюнике по итогам двадцать седьмой регулярной встречи глав правительств России и Китая.
            Стороны договорились укреплять сотрудничество в области торговли, энергетики, науки и образования,
            расширять взаимные инвестиции и развивать транспортную инфраструктуру на границе.
            """;
    public static final String TRADITIONAL_CHINESE = """
            中華人民共和國政府和俄羅斯聯邦政府聯合公報。
            雙方商定：加強經濟、貿易、能源和科學技術領域的合作，擴大相互投資，推動兩國關係在新時代不斷發展。
            雙方認為，應當繼續深化人文交流，支持兩國青年、媒體和地方之間的往來。
            """;

    private TestDocuments() {
    }

    /**
     * The development corpus ({@code ../shared/corpus}, never copied into the project): the calling test is skipped,
     * with a message naming the folder, when it is absent, and fails instead with {@code -Dcorpus.required=true} (CI).
     */
    public static Path developmentCorpus() {
        Path corpus = Path.of(System.getProperty("corpus.dir", "../../../shared/corpus"));
        if (!Files.isDirectory(corpus)) {
            String message = "development corpus not found at " + corpus.toAbsolutePath().normalize();
            if (Boolean.getBoolean("corpus.required")) {
                throw new AssertionError(message + " (corpus.required=true)");
            }
            org.junit.jupiter.api.Assumptions.abort(message + " (set -Dcorpus.dir=FOLDER; the tests over it are skipped)");
        }
        return corpus;
    }

    /** The project's sample: the seed communiqué (Simplified Chinese, UTF-8). */
    public static String seed() {
        try {
            return Files.readString(Path.of(System.getProperty("samples.dir", "../../samples"), "zh-cn-ru-pm27-2022.txt"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF with a text layer: one line of text per entry of {@code lines} (Latin-1 only: standard font). */
    public static byte[] pdf(String title, List<String> lines) {
        return savePdf(document -> {
            PDPage page = new PDPage();
            document.addPage(page);
            document.getDocumentInformation().setTitle(title);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.setLeading(16);
                content.newLineAtOffset(72, 720);
                for (String line : lines) {
                    content.showText(line);
                    content.newLine();
                }
                content.endText();
            }
        });
    }

    /** A "scanned" PDF: an image and a vector drawing, no text layer. */
    public static byte[] scannedPdf() {
        return savePdf(document -> {
            PDPage page = new PDPage();
            document.addPage(page);
            BufferedImage image = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
            image.getGraphics().drawString("scanned text", 10, 50);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(LosslessFactory.createFromImage(document, image), 72, 500);
                content.addRect(72, 300, 300, 100);
                content.stroke();
            }
        });
    }

    /** A PDF that needs a password to open. */
    public static byte[] encryptedPdf() {
        return savePdf(document -> {
            addPageWithLine(document, "Confidential communique");
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
        });
    }

    /** A Word document with one paragraph per entry of {@code paragraphs}. */
    public static byte[] docx(String title, List<String> paragraphs) {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.getProperties().getCoreProperties().setTitle(title);
            for (String paragraph : paragraphs) {
                document.createParagraph().createRun().setText(paragraph);
            }
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The start of a real DOCX followed by garbage: a zip whose entries cannot be read. */
    public static byte[] corruptDocx() {
        byte[] valid = docx("corrupt", List.of("text"));
        byte[] corrupt = valid.clone();
        for (int i = 100; i < corrupt.length; i++) {
            corrupt[i] = (byte) (i * 31);
        }
        return corrupt;
    }

    /** A real DOCX plus a part of 50 MB of zeros that packs into about 50 KB: a zip bomb. */
    public static byte[] zipBombDocx() {
        byte[] valid = docx("bomb", List.of("text"));
        return repacked(valid, (entry, in, out) -> in.transferTo(out), out -> {
            out.putNextEntry(new ZipEntry("word/media/padding.bin"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 50; i++) {
                out.write(zeros);
            }
            out.closeEntry();
        });
    }

    /**
     * A real DOCX whose {@code word/document.xml} inflates to at least {@code inflatedSize} bytes of paragraphs that
     * differ from each other (a number in each), so it packs at a modest ratio: no single-ratio guard sees a bomb.
     */
    public static byte[] inflatingDocx(long inflatedSize) {
        byte[] valid = docx("inflating", List.of("text"));
        String sentence = "The sides agreed to strengthen cooperation in trade, investment, energy and culture. ".repeat(10);
        java.util.Random random = new java.util.Random(22);
        return repacked(valid, (entry, in, out) -> {
            if (entry.getName().equals("word/document.xml")) {
                long written = 0;
                written += write(out, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w="
                        + "\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>");
                while (written < inflatedSize) {
                    written += write(out, "<w:p><w:r><w:t>" + random.nextInt(100_000_000) + " " + sentence + "</w:t></w:r></w:p>");
                }
                write(out, "</w:body></w:document>");
            } else {
                in.transferTo(out);
            }
        }, out -> {
        });
    }

    /** Writes the content of one entry of the zip being repacked. */
    private interface EntryContent {
        void write(ZipEntry entry, ZipInputStream in, ZipOutputStream out) throws IOException;
    }

    /** Writes entries added after the repacked ones. */
    private interface AddedEntries {
        void write(ZipOutputStream out) throws IOException;
    }

    /** {@code zip} repacked entry by entry (same names, contents from {@code content}), then {@code added}. */
    private static byte[] repacked(byte[] zip, EntryContent content, AddedEntries added) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                content.write(entry, in, out);
                out.closeEntry();
            }
            added.write(out);
            out.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int write(ZipOutputStream out, String text) throws IOException {
        byte[] utf8 = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.write(utf8);
        return utf8.length;
    }

    /** A PDF of {@code pages} pages, each with one line of text. */
    public static byte[] pdfOfPages(int pages) {
        return savePdf(document -> {
            for (int i = 1; i <= pages; i++) {
                addPageWithLine(document, "Page " + i + " of the joint communique.");
            }
        });
    }

    /** A new last page of {@code document} with {@code line} in Helvetica near its top. */
    private static void addPageWithLine(PDDocument document, String line) throws IOException {
        PDPage page = new PDPage();
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            content.beginText();
            content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
            content.newLineAtOffset(72, 720);
            content.showText(line);
            content.endText();
        }
    }

    private interface PdfContent {
        void write(PDDocument document) throws IOException;
    }

    private static byte[] savePdf(PdfContent content) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            content.write(document);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.commitmenttracker.ingestion.text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The paragraphs (and table cells) of a Word 2007+ document, one per line, with Apache POI, once the archive is
 * known to stay within {@link ConversionLimits} (entries, each part's and the total inflated size). POI reads the
 * parts it needs from the file (a stream would make it inflate and keep every part). Runs in a conversion slot
 * ({@link ConversionSlots}). Refusals carry fixed texts; POI's own messages go to the log.
 */
final class DocxText {
    private static final Logger log = LoggerFactory.getLogger(DocxText.class);
    /** Legacy .doc files and password-protected .docx files are OLE2 containers, not zip archives. */
    private static final byte[] OLE2_MAGIC = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
    private static final String ZIP_BOMB = "The DOCX expands to far more than its size (a zip bomb) and was refused.";
    private final ConversionLimits limits;

    DocxText(ConversionLimits limits) {
        this.limits = limits;
        // POI's own guard (process-wide), behind ours: no part expands more than 100 times its packed size.
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(limits.docxMaxEntrySize().toBytes());
    }

    /** {@code head}: the file's first bytes. */
    ExtractedText extract(Path file, byte[] head) {
        if (DocumentKind.startsWith(head, OLE2_MAGIC)) {
            throw new DocumentRejected(DocumentRejected.Reason.ENCRYPTED, "The Word file is password-protected or in the "
                    + "old .doc format: save it as a .docx without a password and upload it again.");
        }
        checkInflatedSize(file);
        OPCPackage archive = null;
        try {
            archive = OPCPackage.open(file.toFile(), PackageAccess.READ);
            XWPFDocument document = new XWPFDocument(archive);
            return new ExtractedText(new XWPFWordExtractor(document).getText(),
                    document.getProperties().getCoreProperties().getTitle(), DocumentKind.DOCX.mediaType());
        } catch (InvalidFormatException | IOException | RuntimeException e) {
            if (mentionsZipBomb(e)) {
                throw new DocumentRejected(DocumentRejected.Reason.ZIP_BOMB, ZIP_BOMB, e);
            }
            log.info("A DOCX upload is unreadable: {}", e.toString());
            throw new DocumentRejected(DocumentRejected.Reason.UNREADABLE,
                    "The file is not a readable DOCX (corrupt, or another format).", e);
        } finally {
            if (archive != null) {
                archive.revert(); // closes the file; close() would try to save a package opened read-only
            }
        }
    }

    /**
     * Inflates every part once, counting and discarding, before POI keeps any of it: a part or the whole beyond the
     * limits, or too many parts, is a zip bomb whatever its ratio (100 MB at 100x packs into 1 MB).
     */
    private void checkInflatedSize(Path file) {
        long maxEntry = limits.docxMaxEntrySize().toBytes();
        long maxTotal = limits.docxMaxInflatedSize().toBytes();
        byte[] buffer = new byte[64 * 1024];
        int entries = 0;
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++entries > limits.docxMaxEntries()) {
                    throw new DocumentRejected(DocumentRejected.Reason.ZIP_BOMB, ZIP_BOMB);
                }
                long size = 0;
                for (int read = zip.read(buffer); read > 0; read = zip.read(buffer)) {
                    size += read;
                    total += read;
                    if (size > maxEntry || total > maxTotal) {
                        throw new DocumentRejected(DocumentRejected.Reason.ZIP_BOMB, ZIP_BOMB);
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            log.info("A DOCX upload is not a readable zip: {}", e.toString());
            throw new DocumentRejected(DocumentRejected.Reason.UNREADABLE,
                    "The file is not a readable DOCX (corrupt, or another format).", e);
        }
    }

    /** POI reports both of its zip-bomb guards only through the message, at any depth of the cause chain. */
    private static boolean mentionsZipBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("Zip bomb")) {
                return true;
            }
        }
        return false;
    }
}

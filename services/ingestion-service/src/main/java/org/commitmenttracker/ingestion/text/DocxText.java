package org.commitmenttracker.ingestion.text;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** The paragraphs (and table cells) of a Word 2007+ document, one per line, with Apache POI. */
final class DocxText {
    /** Legacy .doc files and password-protected .docx files are OLE2 containers, not zip archives. */
    private static final byte[] OLE2_MAGIC = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
    /** No part of a communiqué's Word file needs to expand beyond this. */
    private static final long MAX_ENTRY_SIZE = 100L * 1024 * 1024;

    static {
        // Zip-bomb guards (process-wide in POI): a part may not expand more than 100 times its packed
        // size once past POI's grace size, nor beyond MAX_ENTRY_SIZE.
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_SIZE);
    }

    private DocxText() {
    }

    static ExtractedText extract(byte[] content) {
        if (DocumentKind.startsWith(content, OLE2_MAGIC)) {
            throw new DocumentRejected(DocumentRejected.Reason.ENCRYPTED, "The Word file is password-protected or in the "
                    + "old .doc format: save it as a .docx without a password and upload it again.");
        }
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(content));
             XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            return new ExtractedText(extractor.getText(), document.getProperties().getCoreProperties().getTitle(),
                    DocumentKind.DOCX.mediaType());
        } catch (IOException | RuntimeException e) {
            if (mentionsZipBomb(e)) {
                throw new DocumentRejected(DocumentRejected.Reason.ZIP_BOMB,
                        "The DOCX expands to far more than its size (a zip bomb) and was refused.", e);
            }
            throw new DocumentRejected(DocumentRejected.Reason.UNREADABLE,
                    "The file is not a readable DOCX (corrupt, or another format): " + e.getMessage(), e);
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

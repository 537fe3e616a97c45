package org.commitmenttracker.ingestion.text;

import java.io.IOException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/** The text layer of a PDF, line by line, with PDFBox. */
final class PdfText {
    private PdfText() {
    }

    static ExtractedText extract(byte[] content) {
        try (PDDocument pdf = Loader.loadPDF(content)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setLineSeparator("\n");
            String text = stripper.getText(pdf);
            if (text.isBlank()) {
                throw new DocumentRejected(DocumentRejected.Reason.NO_TEXT_LAYER, "The PDF has " + pdf.getNumberOfPages()
                        + " page(s) but no text layer: it is probably a scan. OCR is not supported; upload the text, "
                        + "or a PDF whose text can be selected.");
            }
            return new ExtractedText(text, pdf.getDocumentInformation().getTitle(), DocumentKind.PDF.mediaType());
        } catch (InvalidPasswordException e) {
            throw new DocumentRejected(DocumentRejected.Reason.ENCRYPTED,
                    "The PDF is password-protected: upload a copy without a password.", e);
        } catch (IOException e) {
            throw new DocumentRejected(DocumentRejected.Reason.UNREADABLE, "The PDF cannot be read: " + e.getMessage(), e);
        }
    }
}

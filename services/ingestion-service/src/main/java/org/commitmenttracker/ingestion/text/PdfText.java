package org.commitmenttracker.ingestion.text;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The text layer of a PDF, line by line, with PDFBox, within {@link ConversionLimits}: its buffers in memory up to
 * a bound and then in a bounded temporary file (PDFBox's {@code PDFBox<n>.tmp}, in the upload directory, whose sweep
 * at start deletes what a killed process left), at most so many pages and a time budget checked at every page. Runs
 * in a conversion slot ({@link ConversionSlots}). Refusals carry fixed texts; PDFBox's own messages go to the log.
 */
final class PdfText {
    private static final Logger log = LoggerFactory.getLogger(PdfText.class);
    private final ConversionLimits limits;
    private final Path scratchDirectory;

    PdfText(ConversionLimits limits, Path scratchDirectory) {
        this.limits = limits;
        this.scratchDirectory = scratchDirectory;
    }

    /** Called in a conversion slot: the time budget counts from there, waiting for it is bounded by queue-wait. */
    ExtractedText extract(Path file) {
        long deadline = System.nanoTime() + limits.pdfTimeLimit().toNanos();
        MemoryUsageSetting memory = MemoryUsageSetting.setupMixed(limits.pdfMaxMemory().toBytes(),
                limits.pdfMaxMemory().toBytes() + limits.pdfMaxTempFile().toBytes()).setTempDir(scratchDirectory.toFile());
        try (PDDocument pdf = Loader.loadPDF(file.toFile(), "", null, null, memory.streamCache)) {
            int pages = pdf.getNumberOfPages();
            if (pages > limits.pdfMaxPages()) {
                throw new DocumentRejected(DocumentRejected.Reason.TOO_LARGE, "The PDF has " + pages
                        + " pages; at most " + limits.pdfMaxPages() + " are read (tracker.ingestion.conversion.pdf-max-pages).");
            }
            PDFTextStripper stripper = new BudgetedStripper(deadline, limits.pdfTimeLimit());
            stripper.setLineSeparator("\n");
            String text = stripper.getText(pdf);
            if (text.isBlank()) {
                throw new DocumentRejected(DocumentRejected.Reason.NO_TEXT_LAYER, "The PDF has " + pages
                        + " page(s) but no text layer: it is probably a scan. OCR is not supported; upload the text, "
                        + "or a PDF whose text can be selected.");
            }
            return new ExtractedText(text, pdf.getDocumentInformation().getTitle(), DocumentKind.PDF.mediaType());
        } catch (InvalidPasswordException e) {
            throw new DocumentRejected(DocumentRejected.Reason.ENCRYPTED,
                    "The PDF is password-protected: upload a copy without a password.", e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof DocumentRejected rejected) {
                throw rejected;
            }
            // A PDF that needs more than the memory and temporary file allowed fails here as well.
            log.info("A PDF upload cannot be read: {}", e.toString());
            throw new DocumentRejected(DocumentRejected.Reason.UNREADABLE, "The PDF cannot be read (corrupt, or larger "
                    + "inside than the conversion limits allow).", e);
        }
    }

    /** Stops between pages once the time budget is spent. */
    private static final class BudgetedStripper extends PDFTextStripper {
        private final long deadline;
        private final Duration budget;

        BudgetedStripper(long deadline, Duration budget) {
            this.deadline = deadline;
            this.budget = budget;
        }

        @Override
        protected void startPage(PDPage page) throws IOException {
            if (System.nanoTime() - deadline > 0) {
                throw new DocumentRejected(DocumentRejected.Reason.TOO_LARGE, "The PDF takes longer than "
                        + budget.toSeconds() + " s to read (tracker.ingestion.conversion.pdf-time-limit).");
            }
            super.startPage(page);
        }
    }
}

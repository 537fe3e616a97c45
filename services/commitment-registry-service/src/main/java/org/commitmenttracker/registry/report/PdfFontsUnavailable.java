package org.commitmenttracker.registry.report;

/** The PDF report cannot be made here: its font files are missing or unreadable (the message names them). */
public class PdfFontsUnavailable extends RuntimeException {
    public PdfFontsUnavailable(String message) {
        super(message);
    }
}

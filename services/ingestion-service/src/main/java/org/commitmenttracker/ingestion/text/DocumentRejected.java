package org.commitmenttracker.ingestion.text;

/**
 * A submission that cannot become a stored communiqué, with a reason the API maps to a status and a message
 * written for the person who uploaded it. Thrown before anything is stored.
 */
public class DocumentRejected extends RuntimeException {

    /** Why a submission was refused; the HTTP mapping lives in the API layer. */
    public enum Reason {
        /** Nothing to store: an empty body, file or text. */
        EMPTY,
        /** A request that is not well formed (bad JSON, bad metadata). */
        MALFORMED_REQUEST,
        /** A file type that is not TXT, PDF, DOCX or HTML. */
        UNSUPPORTED_TYPE,
        /** Over the upload or text size limit. */
        TOO_LARGE,
        /** Bytes that are not text in a supported character set, or a file that is corrupt. */
        UNREADABLE,
        /** A PDF with pages but no text layer (a scan). */
        NO_TEXT_LAYER,
        /** A PDF or Word file that needs a password. */
        ENCRYPTED,
        /** An archive that expands far beyond its size. */
        ZIP_BOMB,
        /** Every conversion slot stayed busy for the whole time budget: the same upload may succeed later. */
        BUSY
    }

    private final Reason reason;

    public DocumentRejected(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public DocumentRejected(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}

package org.commitmenttracker.ingestion.text;

import org.commitmenttracker.service.web.WellFormedText;

/** Uploaded text must be well-formed ({@link WellFormedText}): a rejection names what and where. */
public final class UnicodeText {
    private UnicodeText() {
    }

    /** Rejects {@code value} (named {@code what} in the message) unless it is well-formed. */
    public static void check(String what, String value) {
        String problem = WellFormedText.problem(value);
        if (problem != null) {
            throw new DocumentRejected(DocumentRejected.Reason.MALFORMED_REQUEST, what + " contains " + problem + ".");
        }
    }
}

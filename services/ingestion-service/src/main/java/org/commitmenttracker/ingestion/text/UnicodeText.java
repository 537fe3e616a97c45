package org.commitmenttracker.ingestion.text;

/**
 * Well-formed text: no unpaired UTF-16 surrogate (not Unicode at all: it cannot be encoded as UTF-8, and
 * would be stored mangled) and no NUL character (no communiqué contains one; a NUL cuts strings short in
 * many downstream programs).
 */
public final class UnicodeText {
    private UnicodeText() {
    }

    /** The index of the first unpaired surrogate or NUL in {@code text}, or -1 when it is well-formed. */
    public static int firstInvalidIndex(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return i;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** Rejects {@code value} (named {@code what} in the message) unless it is well-formed. */
    public static void check(String what, String value) {
        int invalid = value == null ? -1 : firstInvalidIndex(value);
        if (invalid >= 0) {
            throw new DocumentRejected(DocumentRejected.Reason.MALFORMED_REQUEST, what + " contains "
                    + (value.charAt(invalid) == '\0' ? "a NUL character" : "an unpaired UTF-16 surrogate (not Unicode)")
                    + " at character " + invalid + ".");
        }
    }
}

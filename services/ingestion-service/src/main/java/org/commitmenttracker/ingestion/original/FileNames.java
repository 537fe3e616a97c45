package org.commitmenttracker.ingestion.original;

import java.text.Normalizer;

/**
 * Makes an uploaded file name safe to store and to send back in {@code Content-Disposition}: only the last
 * path segment is kept (no {@code ../}), control and reserved characters are dropped, and leading dots
 * (hidden files, {@code ..}) are removed.
 */
public final class FileNames {
    static final int MAX_LENGTH = 120;

    private FileNames() {
    }

    /** The safe form of {@code raw}, or {@code fallback} when nothing usable remains. */
    public static String sanitise(String raw, String fallback) {
        if (raw == null) {
            return fallback;
        }
        String name = raw.substring(Math.max(raw.lastIndexOf('/'), raw.lastIndexOf('\\')) + 1);
        name = Normalizer.normalize(name, Normalizer.Form.NFC)
                .replaceAll("[\\p{Cntrl}<>:\"|?*\\u2028\\u2029]", "")
                .replaceAll("\\s+", " ")
                .replaceAll("^[\\s.]+|[\\s.]+$", "");
        if (name.isEmpty()) {
            return fallback;
        }
        return name.length() <= MAX_LENGTH ? name : shorten(name);
    }

    /** Keeps the extension, which tells the reader's system how to open the file. */
    private static String shorten(String name) {
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
        return name.substring(0, MAX_LENGTH - extension.length()) + extension;
    }
}

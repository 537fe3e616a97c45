package org.commitmenttracker.extraction.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Stable commitment ids: a hash of the document id and the commitment's normalised text (NFKC, no
 * whitespace), plus an occurrence number only when the same text appears more than once. Re-processing
 * the document, or an improved engine that still finds the text, yields the same id.
 */
public final class CommitmentIds {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private CommitmentIds() {
    }

    public static String of(String documentId, String text, int occurrence) {
        String key = documentId + "\u001f" + normalise(text) + (occurrence > 1 ? "\u001f" + occurrence : "");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "cmt-" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** The form two texts are compared in: NFKC, without whitespace. */
    public static String normalise(String text) {
        return WHITESPACE.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC)).replaceAll("");
    }
}

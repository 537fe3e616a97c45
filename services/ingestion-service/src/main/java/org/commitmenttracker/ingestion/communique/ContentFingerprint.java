package org.commitmenttracker.ingestion.communique;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;

/**
 * The identity of a communiqué's content: SHA-256 of its text after NFKC normalisation with all whitespace
 * removed, so the same document pasted with other line wraps, blank lines or full-width digits is the same.
 */
public final class ContentFingerprint {
    private ContentFingerprint() {
    }

    public static String of(String text) {
        String normalised = Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s+", "");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** A short document id derived from the hash (96 bits: collisions are not a practical concern). */
    public static String documentId(String contentHash) {
        return "doc-" + contentHash.substring(0, 24);
    }
}

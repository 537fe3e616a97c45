package org.commitmenttracker.ingestion.communique;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The communiqué as the API shows it (the outbox and storage ids are internal). */
public final class CommuniqueViews {
    private CommuniqueViews() {
    }

    /**
     * One communiqué with its text. {@code versionOf}: the communiqué it is an explicit version of. {@code duplicateOf}
     * and {@code similarity} only in the answer to an upload whose text was already stored, the same or essentially
     * the same: the stored communiqué it was recognised as, and how similar the two texts are (1 when identical).
     */
    public record CommuniqueView(String id, String contentHash, String title, String language, LocalDate publishedOn,
                                 String sourceUrl, String status, Instant receivedAt, OriginalView original,
                                 Communique.Withdrawal withdrawal, @JsonInclude(JsonInclude.Include.NON_NULL) String versionOf,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) String duplicateOf,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) Double similarity, String text) {
        public static CommuniqueView of(Communique c) {
            return new CommuniqueView(c.id(), c.contentHash(), c.title(), c.language(), c.publishedOn(), c.sourceUrl(),
                    c.status().name(), c.receivedAt(), OriginalView.of(c), c.withdrawal(), c.versionOf(), null, null, c.text());
        }

        /** The stored communiqué an upload was recognised as. */
        public static CommuniqueView sameAs(Communique c, Double similarity) {
            CommuniqueView view = of(c);
            return new CommuniqueView(view.id, view.contentHash, view.title, view.language, view.publishedOn, view.sourceUrl,
                    view.status, view.receivedAt, view.original, view.withdrawal, view.versionOf, c.id(),
                    similarity == null ? null : Math.round(similarity * 1000) / 1000.0, view.text);
        }
    }

    /** One communiqué in a list: everything but the text. */
    public record CommuniqueSummary(String id, String title, String language, LocalDate publishedOn, String sourceUrl,
                                    String status, Instant receivedAt, OriginalView original) {
        public static CommuniqueSummary of(Communique c) {
            return new CommuniqueSummary(c.id(), c.title(), c.language(), c.publishedOn(), c.sourceUrl(),
                    c.status().name(), c.receivedAt(), OriginalView.of(c));
        }
    }

    /** Where to download the original, and what it is. */
    public record OriginalView(String href, String mediaType, String fileName, long size) {
        static OriginalView of(Communique c) {
            Communique.OriginalFile file = c.original();
            return file == null ? null : new OriginalView("/api/communiques/" + c.id() + "/original", file.mediaType(),
                    file.fileName(), file.size());
        }
    }

    /** A page of a listing; {@code page} counts from 0. */
    public record CommuniquePage(List<CommuniqueSummary> items, int page, int size, long totalItems, long totalPages) {
    }
}

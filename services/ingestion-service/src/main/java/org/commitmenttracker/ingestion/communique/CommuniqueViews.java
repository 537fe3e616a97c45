package org.commitmenttracker.ingestion.communique;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The communiqué as the API shows it (the outbox and storage ids are internal). */
public final class CommuniqueViews {
    private CommuniqueViews() {
    }

    /** One communiqué with its text. */
    public record CommuniqueView(String id, String contentHash, String title, String language, LocalDate publishedOn,
                                 String sourceUrl, String status, Instant receivedAt, OriginalView original,
                                 Communique.Withdrawal withdrawal, String text) {
        public static CommuniqueView of(Communique c) {
            return new CommuniqueView(c.id(), c.contentHash(), c.title(), c.language(), c.publishedOn(), c.sourceUrl(),
                    c.status().name(), c.receivedAt(), OriginalView.of(c), c.withdrawal(), c.text());
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

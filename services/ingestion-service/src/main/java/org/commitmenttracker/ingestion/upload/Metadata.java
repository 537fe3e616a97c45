package org.commitmenttracker.ingestion.upload;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.Locale;

import org.commitmenttracker.ingestion.text.DocumentRejected;
import org.commitmenttracker.ingestion.text.UnicodeText;
import org.commitmenttracker.service.web.WellFormedText;

/** What the uploader says about a communiqué, trimmed and checked; every field is optional. */
record Metadata(String title, String language, String sourceUrl, LocalDate publishedOn) {
    static final int MAX_TITLE = 500;

    static Metadata of(String title, String language, String sourceUrl, LocalDate publishedOn) {
        String cleanTitle = blankToNull(title);
        if (cleanTitle != null && cleanTitle.length() > MAX_TITLE) {
            throw malformed("The title is longer than " + MAX_TITLE + " characters.");
        }
        UnicodeText.check("The title", cleanTitle);
        String cleanLanguage = blankToNull(language);
        if (cleanLanguage != null && !cleanLanguage.matches("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")) {
            throw malformed("The language must be a BCP 47 tag such as zh, ru or zh-Hant, not '" + cleanLanguage + "'.");
        }
        String cleanUrl = blankToNull(sourceUrl);
        if (cleanUrl != null && !isWebAddress(cleanUrl)) {
            throw malformed("The source URL must be an http or https address, not '" + cleanUrl + "'.");
        }
        return new Metadata(cleanTitle, cleanLanguage, cleanUrl, publishedOn);
    }

    /**
     * Keeps the title the uploader gave, else the one the document names itself when it is a plausible title: not
     * too long, and well-formed text (a PDF's Info title can decode to a NUL), as every stored title must be.
     */
    Metadata withTitleIfAbsent(String documentTitle) {
        return title != null || documentTitle == null || documentTitle.isBlank()
                || documentTitle.strip().length() > MAX_TITLE || WellFormedText.problem(documentTitle) != null ? this
                : new Metadata(documentTitle.strip(), language, sourceUrl, publishedOn);
    }

    private static boolean isWebAddress(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static DocumentRejected malformed(String message) {
        return new DocumentRejected(DocumentRejected.Reason.MALFORMED_REQUEST, message);
    }
}

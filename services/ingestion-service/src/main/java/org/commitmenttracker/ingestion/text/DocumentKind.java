package org.commitmenttracker.ingestion.text;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The file types a communiqué is accepted in, told apart by content first (a PDF is a PDF whatever its
 * name), then by declared media type, then by file name extension.
 */
public enum DocumentKind {
    TEXT("text/plain", List.of("txt", "text")),
    PDF("application/pdf", List.of("pdf")),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", List.of("docx")),
    HTML("text/html", List.of("html", "htm", "xhtml"));

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final String GENERIC_TYPE = "application/octet-stream";

    private final String mediaType;
    private final List<String> extensions;

    DocumentKind(String mediaType, List<String> extensions) {
        this.mediaType = mediaType;
        this.extensions = extensions;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The usual file name extension (with its dot) for a stored media type, {@code .txt} when unknown. */
    public static String extensionFor(String mediaType) {
        for (DocumentKind kind : values()) {
            if (mediaType.startsWith(kind.mediaType)) {
                return "." + kind.extensions.get(0);
            }
        }
        return ".txt";
    }

    /**
     * The kind of an uploaded file; {@code mediaType} may carry parameters or be null or generic,
     * {@code fileName} may be null.
     */
    public static DocumentKind of(String mediaType, String fileName, byte[] content) {
        if (startsWith(content, PDF_MAGIC)) {
            return PDF;
        }
        String type = mediaType == null ? "" : mediaType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        for (DocumentKind kind : values()) {
            if (kind.mediaType.equals(type)) {
                return kind;
            }
        }
        if (!type.isEmpty() && !type.equals(GENERIC_TYPE) && !type.equals("application/x-www-form-urlencoded")) {
            throw unsupported(type);
        }
        String extension = extensionOf(fileName);
        for (DocumentKind kind : values()) {
            if (kind.extensions.contains(extension)) {
                return kind;
            }
        }
        throw unsupported(fileName == null || extension.isEmpty() ? "a file without a known extension" : "." + extension);
    }

    private static DocumentRejected unsupported(String what) {
        return new DocumentRejected(DocumentRejected.Reason.UNSUPPORTED_TYPE,
                "Cannot read " + what + ": upload a communiqué as a TXT, PDF, DOCX or HTML file.");
    }

    private static String extensionOf(String fileName) {
        if (fileName == null) {
            return "";
        }
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}

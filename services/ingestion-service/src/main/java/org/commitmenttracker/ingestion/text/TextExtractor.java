package org.commitmenttracker.ingestion.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the bytes of an uploaded communiqué (TXT, PDF, DOCX, HTML) into its text, keeping the line
 * structure the extraction engine reads, within {@link ConversionLimits}. No I/O beyond the upload's file (and
 * PDFBox's bounded temporary file), no framework.
 */
public final class TextExtractor {
    private static final Pattern CHARSET_PARAMETER = Pattern.compile(";\\s*charset\\s*=\\s*\"?([^\";\\s]+)", Pattern.CASE_INSENSITIVE);

    /** Enough of a file to know its kind by its magic bytes. */
    private static final int HEAD_BYTES = 16;

    private final CharsetDetector charsets = new CharsetDetector();
    private final PdfText pdfs;
    private final DocxText docx;

    /** {@code pdfSlots}: shared by every extractor of the service, so the bound on PDF conversions is the service's. */
    public TextExtractor(ConversionLimits limits, ConversionSlots pdfSlots) {
        this.pdfs = new PdfText(limits, pdfSlots);
        this.docx = new DocxText(limits);
    }

    /**
     * The text of a file upload, read from {@code file} (PDFs and DOCX archives are parsed from the file, not from a
     * copy in memory); {@code mediaType} and {@code fileName} may be null.
     */
    public ExtractedText extract(Path file, String mediaType, String fileName) {
        try {
            if (Files.size(file) == 0) {
                throw new DocumentRejected(DocumentRejected.Reason.EMPTY, "The uploaded file is empty.");
            }
            byte[] head;
            try (InputStream in = Files.newInputStream(file)) {
                head = in.readNBytes(HEAD_BYTES);
            }
            ExtractedText extracted = switch (DocumentKind.of(mediaType, fileName, head)) {
                case TEXT -> decodeText(Files.readAllBytes(file), mediaType);
                case PDF -> pdfs.extract(file);
                case DOCX -> docx.extract(file, head);
                case HTML -> HtmlText.extract(Files.readAllBytes(file));
            };
            String text = normaliseLineEnds(extracted.text());
            if (text.isBlank()) {
                throw new DocumentRejected(DocumentRejected.Reason.EMPTY, "The uploaded file contains no text.");
            }
            return new ExtractedText(text, extracted.title(), extracted.mediaType());
        } catch (IOException e) {
            throw new UncheckedIOException("The upload's temporary file cannot be read", e);
        }
    }

    /** A text body or file: UTF-8, or a legacy Chinese/Russian charset detected and converted. */
    public ExtractedText decodeText(byte[] content, String mediaType) {
        DecodedText decoded = charsets.decode(content, declaredCharset(mediaType));
        return new ExtractedText(normaliseLineEnds(decoded.text()), null,
                DocumentKind.TEXT.mediaType() + ";charset=" + decoded.charset().name());
    }

    /** CR LF and lone CR become LF, so the same text typed on any system reads the same. */
    static String normaliseLineEnds(String text) {
        return text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
    }

    static Charset declaredCharset(String mediaType) {
        if (mediaType == null) {
            return null;
        }
        Matcher matcher = CHARSET_PARAMETER.matcher(mediaType);
        if (!matcher.find()) {
            return null;
        }
        try {
            return Charset.forName(matcher.group(1).toLowerCase(Locale.ROOT));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
            return null; // detect instead of failing on a charset label we do not know
        }
    }
}

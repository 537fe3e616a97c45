package org.commitmenttracker.ingestion.text;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the bytes of an uploaded communiqué (TXT, PDF, DOCX, HTML) into its text, keeping the line
 * structure the extraction engine reads, within {@link ConversionLimits}. No I/O beyond the bytes given (and
 * PDFBox's bounded temporary file), no framework.
 */
public final class TextExtractor {
    private static final Pattern CHARSET_PARAMETER = Pattern.compile(";\\s*charset\\s*=\\s*\"?([^\";\\s]+)", Pattern.CASE_INSENSITIVE);

    private final CharsetDetector charsets = new CharsetDetector();
    private final PdfText pdfs;
    private final DocxText docx;

    public TextExtractor(ConversionLimits limits) {
        this.pdfs = new PdfText(limits);
        this.docx = new DocxText(limits);
    }

    /** The text of a file upload; {@code mediaType} and {@code fileName} may be null. */
    public ExtractedText extract(byte[] content, String mediaType, String fileName) {
        if (content.length == 0) {
            throw new DocumentRejected(DocumentRejected.Reason.EMPTY, "The uploaded file is empty.");
        }
        ExtractedText extracted = switch (DocumentKind.of(mediaType, fileName, content)) {
            case TEXT -> decodeText(content, mediaType);
            case PDF -> pdfs.extract(content);
            case DOCX -> docx.extract(content);
            case HTML -> HtmlText.extract(content);
        };
        String text = normaliseLineEnds(extracted.text());
        if (text.isBlank()) {
            throw new DocumentRejected(DocumentRejected.Reason.EMPTY, "The uploaded file contains no text.");
        }
        return new ExtractedText(text, extracted.title(), extracted.mediaType());
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

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

import org.springframework.util.unit.DataSize;

/**
 * Turns the bytes of an uploaded communiqué (TXT, PDF, DOCX, HTML) into its text, keeping the line
 * structure the extraction engine reads, within {@link ConversionLimits}. No I/O beyond the upload's file (and
 * PDFBox's bounded temporary file), no framework.
 */
public final class TextExtractor {
    private static final Pattern CHARSET_PARAMETER = Pattern.compile(";\\s*charset\\s*=\\s*\"?([^\";\\s]+)", Pattern.CASE_INSENSITIVE);

    /** Enough of a file to know its kind by its magic bytes. */
    private static final int HEAD_BYTES = 16;

    /**
     * Bytes of text per UTF-8 byte at most in the charsets read: UTF-16 takes two for ASCII, the legacy charsets
     * fewer than UTF-8. A text file larger than this many times the text limit cannot hold a text within it.
     */
    private static final int MAX_BYTES_PER_TEXT_BYTE = 2;

    private final CharsetDetector charsets = new CharsetDetector();
    private final ConversionSlots slots;
    private final long maxTextFileSize;
    private final PdfText pdfs;
    private final DocxText docx;

    /**
     * {@code slots}: shared by every extractor of the service, so the bound on conversions is the service's;
     * {@code maxTextSize}: the largest text kept, in UTF-8 bytes ({@code tracker.ingestion.max-text-size});
     * {@code scratchDirectory}: where a large PDF's buffers overflow to (the upload directory).
     */
    public TextExtractor(ConversionLimits limits, ConversionSlots slots, DataSize maxTextSize, Path scratchDirectory) {
        this.slots = slots;
        this.maxTextFileSize = MAX_BYTES_PER_TEXT_BYTE * maxTextSize.toBytes();
        this.pdfs = new PdfText(limits, scratchDirectory);
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
                case TEXT -> decodeText(file, mediaType);
                case PDF -> slots.run(() -> pdfs.extract(file));
                case DOCX -> slots.run(() -> docx.extract(file, head));
                case HTML -> slots.run(() -> HtmlText.extract(contentOf(file)));
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

    /**
     * A text body or file: UTF-8, or a legacy Chinese/Russian charset detected and converted. A file too large to
     * hold a text within the text limit in any charset read is refused before it is read.
     */
    public ExtractedText decodeText(Path file, String mediaType) throws IOException {
        long size = Files.size(file);
        if (size > maxTextFileSize) {
            throw new DocumentRejected(DocumentRejected.Reason.TOO_LARGE, "The text is " + size + " bytes; a text "
                    + "larger than " + maxTextFileSize + " bytes (twice tracker.ingestion.max-text-size) is refused "
                    + "unread, as it cannot fit that limit in UTF-8.");
        }
        DecodedText decoded = charsets.decode(Files.readAllBytes(file), declaredCharset(mediaType));
        return new ExtractedText(normaliseLineEnds(decoded.text()), null,
                DocumentKind.TEXT.mediaType() + ";charset=" + decoded.charset().name());
    }

    private static byte[] contentOf(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("The upload's temporary file cannot be read", e);
        }
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

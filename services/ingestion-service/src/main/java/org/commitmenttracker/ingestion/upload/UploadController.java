package org.commitmenttracker.ingestion.upload;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.stream.Collectors;

import org.commitmenttracker.ingestion.IngestionLimits;
import org.commitmenttracker.ingestion.communique.CommuniqueIntake;
import org.commitmenttracker.service.security.Caller;
import org.commitmenttracker.ingestion.communique.CommuniqueViews.CommuniqueView;
import org.commitmenttracker.ingestion.communique.Submission;
import org.commitmenttracker.ingestion.text.ConversionLimits;
import org.commitmenttracker.ingestion.text.ConversionSlots;
import org.commitmenttracker.ingestion.text.DocumentRejected;
import org.commitmenttracker.ingestion.text.ExtractedText;
import org.commitmenttracker.ingestion.text.TextExtractor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/communiques} in the three forms users have a communiqué in: pasted text, JSON with
 * metadata, or a file (TXT, PDF, DOCX, HTML). Answers 201 with Location for a new communiqué, 200 with
 * the stored one when the same text (after normalisation) was submitted before.
 */
@RestController
@RequestMapping("/api/communiques")
@Tag(name = "communiqués")
public class UploadController {
    /**
     * JSON bytes per UTF-8 byte of its text at most: an escaped Cyrillic letter (backslash, u and four hex digits: what many JSON
     * writers emit for non-ASCII) takes six for two, the metadata fields next to it are small.
     */
    private static final int MAX_JSON_BYTES_PER_TEXT_BYTE = 3;

    private final CommuniqueIntake intake;
    private final TextExtractor extractor;
    private final JsonMapper json;
    private final IngestionLimits limits;

    public UploadController(CommuniqueIntake intake, JsonMapper json, IngestionLimits limits, ConversionLimits conversion,
                            ConversionSlots conversionSlots) {
        this.intake = intake;
        this.extractor = new TextExtractor(conversion, conversionSlots, limits.maxTextSize(), limits.uploadDirectory());
        this.json = json;
        this.limits = limits;
    }

    /** The JSON form of a submission. */
    public record JsonSubmission(String text, String title, String language, String sourceUrl, LocalDate publishedOn) {
    }

    @PostMapping(consumes = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "Submit a communiqué as text (UTF-8; GB18030/GBK, Big5 and Windows-1251 are detected)",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
                    // springdoc merges the operations of one path and method: each names both bodies it reads
                    @Content(mediaType = MediaType.TEXT_PLAIN_VALUE, schema = @Schema(type = "string")),
                    @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = JsonSubmission.class))}))
    public ResponseEntity<CommuniqueView> submitText(InputStream body,
                                                     @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
                                                     @RequestHeader(value = HttpHeaders.CONTENT_LENGTH, defaultValue = "-1") long length,
                                                     @RequestParam(required = false) String versionOf)
            throws IOException {
        try (SpooledUpload upload = spool(body, length)) {
            if (upload.size() == 0) {
                throw new DocumentRejected(DocumentRejected.Reason.EMPTY, "The communiqué text is empty.");
            }
            ExtractedText text = extractor.decodeText(upload.file(), contentType);
            return answer(submission(text.text(), Metadata.of(null, null, null, null),
                    new Submission.Original(upload.content(), text.mediaType(), null), versionOf));
        }
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Submit a communiqué as JSON: {text, title?, language?, sourceUrl?, publishedOn?}",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
                    // springdoc merges the operations of one path and method: each names both bodies it reads
                    @Content(mediaType = MediaType.TEXT_PLAIN_VALUE, schema = @Schema(type = "string")),
                    @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = JsonSubmission.class))}))
    public ResponseEntity<CommuniqueView> submitJson(InputStream body,
                                                     @RequestHeader(value = HttpHeaders.CONTENT_LENGTH, defaultValue = "-1") long length,
                                                     @RequestParam(required = false) String versionOf)
            throws IOException {
        JsonSubmission submitted;
        try (SpooledUpload upload = spool(body, length)) {
            if (upload.size() == 0) {
                throw new DocumentRejected(DocumentRejected.Reason.EMPTY, "The request body is empty.");
            }
            if (upload.size() > MAX_JSON_BYTES_PER_TEXT_BYTE * limits.maxTextSize().toBytes()) {
                throw new DocumentRejected(DocumentRejected.Reason.TOO_LARGE, "The JSON body is " + upload.size()
                        + " bytes; one larger than " + MAX_JSON_BYTES_PER_TEXT_BYTE + " times tracker.ingestion.max-text-size"
                        + " is refused unparsed, as its text cannot fit that limit.");
            }
            submitted = json.readValue(upload.file().toFile(), JsonSubmission.class);
        } catch (JacksonException e) {
            throw new DocumentRejected(DocumentRejected.Reason.MALFORMED_REQUEST,
                    "The body is not a valid submission {text, title?, language?, sourceUrl?, publishedOn? (YYYY-MM-DD)}: "
                            + whatIsWrong(e), e);
        }
        if (submitted == null || submitted.text() == null || submitted.text().isBlank()) {
            throw new DocumentRejected(DocumentRejected.Reason.EMPTY, "The communiqué text is empty.");
        }
        Metadata metadata = Metadata.of(submitted.title(), submitted.language(), submitted.sourceUrl(), submitted.publishedOn());
        String text = submitted.text().replace("\r\n", "\n");
        // The document is the text; the JSON around it is transport, so the original is the text itself.
        return answer(submission(text, metadata, new Submission.Original(Submission.Content.of(text.getBytes(StandardCharsets.UTF_8)),
                MediaType.TEXT_PLAIN_VALUE + ";charset=UTF-8", null), versionOf));
    }

    /** Where the JSON went wrong, in the caller's terms: never the parser's message, which names our classes. */
    private static String whatIsWrong(JacksonException e) {
        if (e instanceof tools.jackson.databind.exc.MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().stream().map(reference -> reference.getPropertyName() != null
                    ? reference.getPropertyName() : "[" + reference.getIndex() + "]").collect(Collectors.joining("."));
            return "'" + field + "' has the wrong type or format.";
        }
        return e.getLocation() == null ? "malformed JSON." : "malformed JSON at line " + e.getLocation().getLineNr()
                + ", column " + e.getLocation().getColumnNr() + ".";
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Submit a communiqué file (TXT, PDF with a text layer, DOCX or HTML) with optional metadata")
    public ResponseEntity<CommuniqueView> submitFile(@RequestPart("file") MultipartFile file,
                                                     @RequestParam(required = false) String title,
                                                     @RequestParam(required = false) String language,
                                                     @RequestParam(required = false) String sourceUrl,
                                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                                     LocalDate publishedOn,
                                                     @RequestParam(required = false) String versionOf) throws IOException {
        Metadata metadata = Metadata.of(title, language, sourceUrl, publishedOn);
        try (SpooledUpload upload = SpooledUpload.of(file, limits.uploadDirectory())) {
            ExtractedText extracted = extractor.extract(upload.file(), file.getContentType(), file.getOriginalFilename());
            return answer(submission(extracted.text(), metadata.withTitleIfAbsent(extracted.title()),
                    new Submission.Original(upload.content(), extracted.mediaType(), file.getOriginalFilename()), versionOf));
        }
    }

    /** A text or JSON body into its temporary file, bounded by the upload limit. */
    private SpooledUpload spool(InputStream body, long declaredLength) throws IOException {
        return SpooledUpload.of(body, declaredLength, limits.maxUploadSize(), limits.uploadDirectory());
    }

    /** Without a title from the uploader or the file, the one the text states (its title line) is kept. */
    private static Submission submission(String text, Metadata metadata, Submission.Original original, String versionOf) {
        Metadata titled = metadata.title() != null ? metadata
                : metadata.withTitleIfAbsent(DocumentTitle.read(text, metadata.language()));
        return new Submission(text, titled.title(), titled.language(), titled.sourceUrl(), titled.publishedOn(),
                original, versionOf == null || versionOf.isBlank() ? null : versionOf.strip());
    }

    private ResponseEntity<CommuniqueView> answer(Submission submission) {
        CommuniqueIntake.Outcome outcome = intake.submit(submission, Caller.current().subject());
        if (outcome.created()) {
            CommuniqueView view = CommuniqueView.of(outcome.communique());
            return ResponseEntity.created(URI.create("/api/communiques/" + view.id())).body(view);
        }
        return ResponseEntity.ok(CommuniqueView.sameAs(outcome.communique(), outcome.similarity()));
    }
}

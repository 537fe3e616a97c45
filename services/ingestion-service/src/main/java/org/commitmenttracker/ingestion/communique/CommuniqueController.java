package org.commitmenttracker.ingestion.communique;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.commitmenttracker.ingestion.communique.CommuniqueViews.CommuniquePage;
import org.commitmenttracker.ingestion.communique.CommuniqueViews.CommuniqueSummary;
import org.commitmenttracker.ingestion.communique.CommuniqueViews.CommuniqueView;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** {@code GET /api/communiques…}: read a communiqué, its original file, or a page of them. */
@RestController
@RequestMapping("/api/communiques")
@Tag(name = "communiqués")
public class CommuniqueController {
    private final CommuniqueCatalog catalog;

    public CommuniqueController(CommuniqueCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/{id}")
    @Operation(summary = "A communiqué: metadata, status and text")
    public CommuniqueView get(@PathVariable String id) {
        return CommuniqueView.of(catalog.get(id));
    }

    @GetMapping
    @Operation(summary = "Communiqués, newest first; q keeps those whose title or text contains it")
    public CommuniquePage list(@RequestParam(required = false) String q,
                               @RequestParam(defaultValue = "0") @Min(0) int page,
                               @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        CommuniqueCatalog.Page found = catalog.page(q, page, size);
        return new CommuniquePage(found.items().stream().map(CommuniqueSummary::of).toList(), page, size, found.total(),
                (found.total() + size - 1) / size);
    }

    /**
     * The bytes as uploaded, as an attachment: an uploaded HTML page may hold scripts, so it must never run
     * in a browser on this origin (no sniffing, sandboxed).
     */
    @GetMapping("/{id}/original")
    @Operation(summary = "The original file as uploaded, with its media type")
    public void original(@PathVariable String id, HttpServletResponse response) throws IOException {
        Communique.OriginalFile file = catalog.get(id).original();
        if (file == null) { // stored before originals were kept
            throw new NoSuchCommunique(id + "/original");
        }
        response.setContentType(file.mediaType());
        response.setContentLengthLong(file.size());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(file.fileName(), StandardCharsets.UTF_8).build().toString());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "sandbox; default-src 'none'");
        // Written in this request's thread, chunk after chunk: no async timeout cuts a slow client's download short.
        catalog.writeOriginal(file, response.getOutputStream());
    }
}

package org.commitmenttracker.ingestion;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How much ingestion accepts ({@code tracker.ingestion.*}): {@code max-upload-size} bounds any request
 * body or uploaded file; {@code max-text-size} bounds the text taken from it (UTF-8 bytes), which
 * {@code communique.received.v1} carries in full; {@code near-duplicate-similarity} is the estimated shingle
 * similarity from which a new text is the communiqué already stored (0.85, measured: see NearDuplicateSignature;
 * 1.0 counts only texts with the same normalised content as the same); {@code upload-directory} is where an upload
 * waits, in a temporary file of at most {@code max-upload-size}, while it is converted and stored (the system's
 * temporary directory when unset; created at start).
 */
@ConfigurationProperties("tracker.ingestion")
public record IngestionLimits(@DefaultValue("20MB") DataSize maxUploadSize, @DefaultValue("2MB") DataSize maxTextSize,
                              @DefaultValue("0.85") double nearDuplicateSimilarity, Path uploadDirectory) {
    public IngestionLimits {
        if (uploadDirectory == null) {
            uploadDirectory = Path.of(System.getProperty("java.io.tmpdir"), "ingestion-uploads");
        }
        if (nearDuplicateSimilarity <= 0 || nearDuplicateSimilarity > 1) {
            throw new IllegalArgumentException("tracker.ingestion.near-duplicate-similarity is in (0, 1], not "
                    + nearDuplicateSimilarity);
        }
    }
}

package org.commitmenttracker.ingestion;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How much ingestion accepts ({@code tracker.ingestion.*}).
 *
 * @param maxUploadSize           largest request body or uploaded file (413 problem above, while it streams in): the
 *                                only upload limit, applied to text and JSON bodies as they are spooled and to
 *                                multipart forms by the container (whose {@code spring.servlet.multipart.*} sizes,
 *                                threshold and location come from it and are not read)
 * @param maxTextSize             largest communiqué text taken from an upload, in UTF-8 bytes (413 above):
 *                                {@code communique.received.v1} carries it in full
 * @param nearDuplicateSimilarity estimated shingle similarity from which a new text is the communiqué already stored
 *                                (0.85 measured, see NearDuplicateSignature; 1.0 counts only texts with the same
 *                                normalised content as the same)
 * @param uploadDirectory         where each upload waits in a temporary file of at most {@code max-upload-size} while it
 *                                is converted and stored, deleted when the request is answered (unset:
 *                                {@code ingestion-uploads} in the system's temporary directory; created at start, and
 *                                rid of the upload files a stopped run left there unless another running instance uses
 *                                it). Give it room for {@code max-upload-size} × concurrent uploads
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

package org.commitmenttracker.ingestion.upload;

import java.io.IOException;
import java.io.InputStream;

import org.commitmenttracker.ingestion.IngestionLimits;
import org.commitmenttracker.ingestion.text.ConversionLimits;
import org.commitmenttracker.ingestion.text.DocumentRejected;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

import jakarta.servlet.MultipartConfigElement;

/**
 * Applies {@code tracker.ingestion.max-upload-size} to every way a communiqué arrives: the servlet
 * container's multipart limits (so an oversized file is refused while it streams in) and a bounded read
 * of text and JSON bodies.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConversionLimits.class)
public class UploadLimits {
    /** Room for the multipart boundaries and the metadata fields next to the file. */
    private static final DataSize FORM_OVERHEAD = DataSize.ofKilobytes(64);

    @Bean
    MultipartConfigElement multipartConfigElement(IngestionLimits limits) {
        MultipartConfigFactory factory = new MultipartConfigFactory();
        factory.setMaxFileSize(limits.maxUploadSize());
        factory.setMaxRequestSize(DataSize.ofBytes(limits.maxUploadSize().toBytes() + FORM_OVERHEAD.toBytes()));
        factory.setFileSizeThreshold(DataSize.ofMegabytes(1));
        return factory.createMultipartConfig();
    }

    /** Reads a request body of at most {@code limit} bytes; refuses a larger one without reading it all. */
    static byte[] readBounded(InputStream body, long declaredLength, DataSize limit) throws IOException {
        if (declaredLength > limit.toBytes()) {
            throw tooLarge(limit);
        }
        byte[] bytes = body.readNBytes((int) Math.min(limit.toBytes() + 1, Integer.MAX_VALUE - 8));
        if (bytes.length > limit.toBytes()) {
            throw tooLarge(limit);
        }
        return bytes;
    }

    static DocumentRejected tooLarge(DataSize limit) {
        return new DocumentRejected(DocumentRejected.Reason.TOO_LARGE, "The upload is larger than the limit of "
                + limit.toBytes() + " bytes (tracker.ingestion.max-upload-size).");
    }
}

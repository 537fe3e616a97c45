package org.commitmenttracker.ingestion.upload;

import java.io.IOException;

import org.commitmenttracker.ingestion.IngestionLimits;
import org.commitmenttracker.ingestion.text.ConversionLimits;
import org.commitmenttracker.ingestion.text.ConversionSlots;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

import jakarta.servlet.MultipartConfigElement;

/**
 * Applies {@code tracker.ingestion.max-upload-size} to multipart forms through the servlet container, which writes
 * every file part straight to {@code tracker.ingestion.upload-directory} (no in-memory threshold) and refuses it while
 * it streams in once it passes the limit. This bean replaces Boot's own, so {@code spring.servlet.multipart.*} sizes
 * and location are not read. Text and JSON bodies are bounded as they are spooled ({@link SpooledUpload}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConversionLimits.class)
public class UploadLimits {
    /** Room for the multipart boundaries and the metadata fields next to the file. */
    private static final DataSize FORM_OVERHEAD = DataSize.ofKilobytes(64);

    /** Swept of a previous run's leftovers before the web server starts, so before any request is accepted. */
    @Bean
    UploadDirectory uploadDirectory(IngestionLimits limits) throws IOException {
        return UploadDirectory.open(limits.uploadDirectory());
    }

    @Bean
    MultipartConfigElement multipartConfigElement(IngestionLimits limits, UploadDirectory directory) {
        MultipartConfigFactory factory = new MultipartConfigFactory();
        factory.setMaxFileSize(limits.maxUploadSize());
        factory.setMaxRequestSize(DataSize.ofBytes(limits.maxUploadSize().toBytes() + FORM_OVERHEAD.toBytes()));
        factory.setFileSizeThreshold(DataSize.ofBytes(0));
        factory.setLocation(directory.path().toString());
        return factory.createMultipartConfig();
    }

    /** One bound on concurrent PDF, DOCX and HTML conversions for the whole service. */
    @Bean
    ConversionSlots conversionSlots(ConversionLimits limits) {
        return new ConversionSlots(limits);
    }
}

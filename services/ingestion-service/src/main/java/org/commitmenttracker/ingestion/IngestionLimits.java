package org.commitmenttracker.ingestion;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How much ingestion accepts ({@code tracker.ingestion.*}): {@code max-upload-size} bounds any request
 * body or uploaded file; {@code max-text-size} bounds the text taken from it (UTF-8 bytes), which
 * {@code communique.received.v1} carries in full.
 */
@ConfigurationProperties("tracker.ingestion")
public record IngestionLimits(@DefaultValue("20MB") DataSize maxUploadSize, @DefaultValue("2MB") DataSize maxTextSize) {
}

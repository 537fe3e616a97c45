package org.commitmenttracker.dashboard.proxy;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where each service's public API answers ({@code TRACKER_DASHBOARD_INGESTION_URL}, {@code …_EXTRACTION_URL},
 * {@code …_REGISTRY_URL}, {@code …_NOTIFICATION_URL}). The browser names a service by its short name in
 * {@code /api/<name>/…}; only these four can be reached.
 *
 * @param ingestionUrl    base URL of ingestion-service's API (application.yml: {@code http://127.0.0.1:${INGESTION_PORT:8081}},
 *                        where {@code ./dev up} starts it; the others alike)
 * @param extractionUrl   base URL of extraction-service's API
 * @param registryUrl     base URL of commitment-registry-service's API
 * @param notificationUrl base URL of notification-service's API
 */
@ConfigurationProperties("tracker.dashboard")
public record ServiceAddresses(URI ingestionUrl, URI extractionUrl, URI registryUrl, URI notificationUrl) {

    public ServiceAddresses {
        for (URI url : new URI[] {ingestionUrl, extractionUrl, registryUrl, notificationUrl}) {
            if (url == null || !("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
                throw new IllegalArgumentException("tracker.dashboard.*-url must be absolute http(s) URLs, got " + url);
            }
        }
    }

    /** The base URL (without a trailing slash) of the service the dashboard calls {@code name}. */
    public Optional<String> baseOf(String name) {
        URI url = Map.of("ingestion", ingestionUrl, "extraction", extractionUrl, "registry", registryUrl,
                "notification", notificationUrl).get(name);
        return Optional.ofNullable(url).map(u -> u.toString().replaceAll("/+$", ""));
    }
}

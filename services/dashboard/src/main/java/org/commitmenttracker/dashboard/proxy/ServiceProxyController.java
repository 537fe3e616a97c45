package org.commitmenttracker.dashboard.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /api/<service>/<rest>} → {@code <service base>/api/<rest>}: the browser's calls reach the services'
 * public APIs same-origin, with the caller's {@code Authorization} header unchanged, so every service still
 * decides by itself who may do what. Only the services' {@code /api/} paths can be reached, and only a short
 * list of headers crosses in either direction (no cookies, no hop-by-hop headers).
 */
@RestController
class ServiceProxyController {
    private static final Logger log = LoggerFactory.getLogger(ServiceProxyController.class);
    /** The dashboard sends small JSON bodies (progress reports, assignments, subscriptions). */
    static final int MAX_REQUEST_BODY = 256 * 1024;
    private static final List<String> REQUEST_HEADERS = List.of("Authorization", "Content-Type", "Accept",
            "Accept-Language", "traceparent");
    private static final List<String> RESPONSE_HEADERS = List.of("Content-Type", "Content-Disposition", "Location",
            "Retry-After", "WWW-Authenticate", "traceparent");
    private static final Set<String> METHODS_WITH_BODY = Set.of("POST", "PUT", "PATCH");

    private final ServiceAddresses addresses;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    ServiceProxyController(ServiceAddresses addresses) {
        this.addresses = addresses;
    }

    @RequestMapping(path = "/api/{service}/**", method = {RequestMethod.GET, RequestMethod.POST, RequestMethod.PUT,
            RequestMethod.PATCH, RequestMethod.DELETE})
    void forward(@PathVariable String service, HttpServletRequest request, HttpServletResponse response) throws IOException {
        String base = addresses.baseOf(service).orElse(null);
        if (base == null) {
            problem(response, 404, "Not Found", "No service '" + service + "': ingestion, extraction, registry or notification.");
            return;
        }
        String prefix = request.getContextPath() + "/api/" + service;
        String rest = request.getRequestURI().substring(prefix.length());
        if (!rest.startsWith("/") || URLDecoder.decode(rest, StandardCharsets.UTF_8).matches(".*(^|/)\\.\\.?(/|$).*")) {
            problem(response, 400, "Bad Request", "The path must name an API resource below /api/" + service + "/.");
            return;
        }
        String query = request.getQueryString();
        URI target = URI.create(base + "/api" + rest + (query == null ? "" : "?" + query));

        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        if (METHODS_WITH_BODY.contains(request.getMethod())) {
            byte[] bytes = request.getInputStream().readNBytes(MAX_REQUEST_BODY + 1);
            if (bytes.length > MAX_REQUEST_BODY) {
                problem(response, 413, "Content Too Large", "The dashboard forwards bodies of at most 256 KB.");
                return;
            }
            body = HttpRequest.BodyPublishers.ofByteArray(bytes);
        }
        HttpRequest.Builder upstream = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(60))
                .method(request.getMethod(), body);
        for (String name : REQUEST_HEADERS) {
            String value = request.getHeader(name);
            if (value != null) {
                upstream.header(name, value);
            }
        }

        HttpResponse<InputStream> answer;
        try {
            answer = http.send(upstream.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) { // refused, timed out, or reset before answering (a service killed mid-request)
            log.warn("{} {}: the {} service did not answer ({})", request.getMethod(), target, service, e.toString());
            problem(response, 502, "Bad Gateway", "The " + service + " service did not answer; try again shortly.");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem(response, 503, "Service Unavailable", "The dashboard is shutting down.");
            return;
        }
        response.setStatus(answer.statusCode());
        for (String name : RESPONSE_HEADERS) {
            answer.headers().firstValue(name).ifPresent(value -> response.setHeader(name, value));
        }
        // The services' answers are per caller: never kept by the browser or a shared cache.
        response.setHeader("Cache-Control", "no-store");
        try (InputStream in = answer.body(); OutputStream out = response.getOutputStream()) {
            in.transferTo(out); // streamed: a CSV export of every commitment is never held in memory here
        }
    }

    private static void problem(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
    }
}

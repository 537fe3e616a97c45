package org.commitmenttracker.notification.webhook;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;

/**
 * Sends webhook requests. Every connection goes through {@link PinningResolver}: the host is resolved once,
 * each address checked by the {@link WebhookUrlPolicy}, and the socket opened to exactly those addresses
 * while TLS (SNI, certificate check) and the {@code Host} header keep the URL's host name — a DNS answer
 * that changes after the check cannot redirect the request. Redirects are not followed, nothing is retried
 * here (the delivery queue retries), and an attempt is cut off after {@code attemptTimeout} whatever the
 * receiver does.
 */
public final class WebhookClient implements AutoCloseable {
    private static final String USER_AGENT = "commitment-tracker-webhooks/1";
    private final CloseableHttpClient http;
    private final Duration attemptTimeout;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "webhook-deadlines");
        thread.setDaemon(true);
        return thread;
    });

    public WebhookClient(WebhookUrlPolicy policy, Duration connectTimeout, Duration attemptTimeout, int maxConnectionsPerHost) {
        this(policy, connectTimeout, attemptTimeout, maxConnectionsPerHost, Math.max(64, maxConnectionsPerHost * 16));
    }

    /** With a pool of {@code maxConnections} in all (pings have a small one of their own). */
    public WebhookClient(WebhookUrlPolicy policy, Duration connectTimeout, Duration attemptTimeout, int maxConnectionsPerHost,
                         int maxConnections) {
        this.attemptTimeout = attemptTimeout;
        Timeout connect = Timeout.of(connectTimeout);
        Timeout attempt = Timeout.of(attemptTimeout);
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new PinningResolver(policy))
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(connect).setSocketTimeout(attempt).build())
                        .setMaxConnPerRoute(maxConnectionsPerHost)
                        .setMaxConnTotal(maxConnections)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setConnectionRequestTimeout(connect).setResponseTimeout(attempt).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .setUserAgent(USER_AGENT)
                .build();
    }

    public WebhookResponse send(WebhookRequest request) {
        HttpPost post = new HttpPost(request.url());
        post.setHeader("webhook-id", request.messageId());
        post.setHeader("webhook-timestamp", Long.toString(request.timestampSeconds()));
        post.setHeader("webhook-signature", request.signature());
        if (request.traceparent() != null) {
            post.setHeader("traceparent", request.traceparent());
        }
        post.setEntity(new ByteArrayEntity(request.body(), ContentType.APPLICATION_JSON));
        long started = System.nanoTime();
        ScheduledFuture<?> deadline = deadlines.schedule(post::cancel, attemptTimeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return http.execute(post, response -> {
                Header retryAfter = response.getFirstHeader("Retry-After");
                EntityUtils.consume(response.getEntity());
                return new WebhookResponse(response.getCode(),
                        RetryAfter.parse(retryAfter == null ? null : retryAfter.getValue(), Instant.now()),
                        Duration.ofNanos(System.nanoTime() - started), null);
            });
        } catch (IOException | RuntimeException e) {
            Duration latency = Duration.ofNanos(System.nanoTime() - started);
            String reason = post.isCancelled() ? "no answer within " + attemptTimeout.toSeconds() + " s" : describe(e);
            return WebhookResponse.failed(reason, latency);
        } finally {
            deadline.cancel(false);
        }
    }

    private static String describe(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    @Override
    public void close() throws IOException {
        deadlines.shutdownNow();
        http.close();
    }

    /** Resolves and checks at connect time; a refused address fails the connection before any byte is sent. */
    private record PinningResolver(WebhookUrlPolicy policy) implements DnsResolver {
        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            try {
                return policy.resolveAllowed(host, false).toArray(InetAddress[]::new);
            } catch (RejectedUrlException refused) {
                throw new UnknownHostException("refused: " + refused.getMessage());
            }
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }
    }
}

package org.commitmenttracker.notification.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a webhook URL may be used, checked when it is registered and again on every connection: an
 * absolute {@code https} URL without user info whose host resolves only to addresses the
 * {@link AddressPolicy} allows. With {@code allowInsecureLoopback} (tests and local runs only) a plain
 * {@code http} URL is accepted too, provided its host is a loopback literal or {@code localhost} and resolves
 * to loopback only.
 */
public final class WebhookUrlPolicy {
    private static final Logger log = LoggerFactory.getLogger(WebhookUrlPolicy.class);
    public static final int MAX_LENGTH = 2048;
    /** Hosts that plain http may name when allowed: loopback literals and localhost (checked again once resolved). */
    private static final Pattern LOOPBACK_HOST = Pattern.compile("localhost|127(\\.\\d{1,3}){3}|\\[::1]");

    /** Resolves a host name to every address it has (the JDK resolver in production). */
    @FunctionalInterface
    public interface HostResolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final AddressPolicy addresses;
    private final boolean allowInsecureLoopback;
    private final HostResolver resolver;

    public WebhookUrlPolicy(boolean allowInsecureLoopback, HostResolver resolver) {
        this.addresses = new AddressPolicy(allowInsecureLoopback);
        this.allowInsecureLoopback = allowInsecureLoopback;
        this.resolver = resolver;
    }

    /** The URL's syntax is acceptable and its host resolves to allowed addresses only; else a rejection. */
    public URI check(String url) {
        URI uri = parse(url);
        resolveAllowed(uri.getHost(), "http".equals(uri.getScheme()));
        return uri;
    }

    /**
     * The addresses of {@code host}, each checked; the caller connects to these and no others, so that a
     * second, different DNS answer (rebinding) cannot take the connection elsewhere.
     */
    public List<InetAddress> resolveAllowed(String host, boolean plainHttp) {
        InetAddress[] resolved;
        try {
            resolved = resolver.resolve(host);
        } catch (UnknownHostException e) {
            resolved = new InetAddress[0];
        }
        if (resolved.length == 0) {
            throw notPublic(host); // the same answer as for an internal name: which names exist inside is not told
        }
        for (InetAddress address : resolved) {
            // One forbidden address refuses the host: a resolver may hand out any of them.
            Optional<String> refusal = addresses.refusal(address);
            if (refusal.isPresent()) {
                log.info("Webhook host {} refused: it resolves to {}, {}", host, address.getHostAddress(), refusal.get());
                throw notPublic(host);
            }
            if (plainHttp && !address.isLoopbackAddress()) {
                throw new RejectedUrlException("Plain http is allowed for loopback addresses only.");
            }
        }
        return List.of(resolved);
    }

    /** Neither what the name resolved to nor why that is refused: a subscriber must not map internal DNS with it. */
    private static RejectedUrlException notPublic(String host) {
        return new RejectedUrlException("The webhook host " + host + " is not a public address; webhooks go to public addresses only.");
    }

    private URI parse(String url) {
        if (url == null || url.isBlank()) {
            throw new RejectedUrlException("The webhook URL is empty.");
        }
        if (url.length() > MAX_LENGTH) {
            throw new RejectedUrlException("The webhook URL is longer than " + MAX_LENGTH + " characters.");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new RejectedUrlException("The webhook URL is not a valid URL: " + e.getMessage() + ".");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null) {
            throw new RejectedUrlException("The webhook URL must be absolute with a host, like https://hooks.example.org/alerts.");
        }
        if (uri.getRawUserInfo() != null) {
            throw new RejectedUrlException("The webhook URL must not carry user info (credentials).");
        }
        if (uri.getRawFragment() != null) {
            throw new RejectedUrlException("The webhook URL must not have a fragment.");
        }
        boolean insecureAllowed = allowInsecureLoopback && "http".equals(scheme) && LOOPBACK_HOST.matcher(uri.getHost()).matches();
        if (!"https".equals(scheme) && !insecureAllowed) {
            throw new RejectedUrlException("The webhook URL must use https, not " + (scheme.isEmpty() ? "no scheme" : scheme) + ".");
        }
        if (!scheme.equals(uri.getScheme())) {
            return URI.create(scheme + url.substring(uri.getScheme().length()));
        }
        return uri;
    }
}

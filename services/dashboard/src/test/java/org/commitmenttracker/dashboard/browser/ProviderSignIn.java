package org.commitmenttracker.dashboard.browser;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The dashboard's sign-in without a browser: authorization code + PKCE against the provider, its login form posted
 * as a person would (with the form's CSRF token and the session cookie), the code exchanged for the access token.
 */
final class ProviderSignIn {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private final URI issuer;
    private final String redirectUri;

    ProviderSignIn(URI issuer, String dashboardUrl) {
        this.issuer = issuer;
        this.redirectUri = dashboardUrl + "/";
    }

    /** {@code Bearer …}: the access token the dashboard gets when {@code user} signs in with {@code password}. */
    String bearer(String user, String password) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String authorize = issuer + "/oauth2/authorize?" + form(Map.of("response_type", "code", "client_id", "dashboard",
                "redirect_uri", redirectUri, "scope", "openid", "state", "s", "code_challenge", challenge,
                "code_challenge_method", "S256"));
        http.send(get(authorize), HttpResponse.BodyHandlers.discarding()); // no session yet: to the login form
        Matcher csrf = CSRF.matcher(http.send(get(issuer + "/login"), HttpResponse.BodyHandlers.ofString()).body());
        if (!csrf.find()) {
            throw new IllegalStateException("The provider's login form has no CSRF token");
        }
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(issuer + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", user, "password", password, "_csrf", csrf.group(1)))))
                .build(), HttpResponse.BodyHandlers.ofString());
        String next = login.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException("Login refused: " + login.statusCode()));
        String back = http.send(get(URI.create(issuer + "/").resolve(next).toString()), HttpResponse.BodyHandlers.discarding())
                .headers().firstValue("Location").orElseThrow(() -> new IllegalStateException("No redirect after sign-in"));
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(back);
        if (!back.startsWith(redirectUri) || !code.find()) {
            throw new IllegalStateException("The provider did not send the code back: " + back);
        }
        HttpResponse<String> tokens = http.send(HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code", "client_id", "dashboard",
                        "code", URLDecoder.decode(code.group(1), StandardCharsets.UTF_8), "redirect_uri", redirectUri, "code_verifier", verifier))))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = ACCESS_TOKEN.matcher(tokens.body());
        if (tokens.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("No token for the code: " + tokens.statusCode() + " " + tokens.body());
        }
        return "Bearer " + token.group(1);
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).GET().build();
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}

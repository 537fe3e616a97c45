package org.commitmenttracker.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The running provider hands an agency system a token for its agency with client credentials, signed with the key
 * the services trust and carrying what they require (audience, subject, expiry, roles, agency, an access token's type).
 */
class ClientCredentialsIT {
    private static final String SECRET = "agency-mofcom-secret";
    @TempDir
    static Path keys;
    private static KeyPair keyPair;
    private static ConfigurableApplicationContext provider;
    private static String url;
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void start() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keyPair = generator.generateKeyPair();
        Path key = keys.resolve("signing-key.pem");
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(keyPair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        provider = new SpringApplicationBuilder(IdentityProviderApplication.class).run("--server.port=0",
                "--tracker.identity.issuer=http://127.0.0.1:9000", "--tracker.identity.signing-key=" + key,
                "--tracker.identity.dashboard.redirect-uris=http://127.0.0.1:8085/",
                "--tracker.identity.users[0].name=reader", "--tracker.identity.users[0].secret=reader-password",
                "--tracker.identity.users[0].roles=reader",
                "--tracker.identity.clients[0].name=agency-mofcom", "--tracker.identity.clients[0].secret=" + SECRET,
                "--tracker.identity.clients[0].roles=agency", "--tracker.identity.clients[0].agency=MOFCOM");
        url = "http://127.0.0.1:" + ((WebServerApplicationContext) provider).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void anAgencySystemGetsATokenTheServicesAcceptForItsAgency() throws Exception {
        HttpResponse<String> response = tokenRequest("agency-mofcom", SECRET);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("token_type").asString()).isEqualTo("Bearer");
        Jwt token = NimbusJwtDecoder.withPublicKey((RSAPublicKey) keyPair.getPublic()).build()
                .decode(body.path("access_token").asString());
        assertThat(token.getAudience()).containsExactly("commitment-tracker");
        assertThat(token.getSubject()).isEqualTo("agency-mofcom");
        assertThat(token.getExpiresAt()).isAfter(token.getIssuedAt());
        assertThat(token.getClaimAsStringList("roles")).containsExactly("agency");
        assertThat(token.getClaimAsString("agency_id")).isEqualTo("MOFCOM");
        assertThat(token.getIssuer()).hasToString("http://127.0.0.1:9000");
        assertThat(token.getHeaders().getOrDefault("typ", "JWT")).isIn("JWT", "at+jwt");
    }

    @Test
    void aWrongSecretGetsNoToken() throws Exception {
        HttpResponse<String> response = tokenRequest("agency-mofcom", "not-the-secret");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("invalid_client").doesNotContain("access_token");
    }

    @Test
    void discoveryNamesTheEndpointsTheDashboardUses() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + "/.well-known/openid-configuration"))
                .header("Origin", "http://127.0.0.1:8085").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains("http://127.0.0.1:8085");
        JsonNode metadata = json.readTree(response.body());
        assertThat(metadata.path("issuer").asString()).isEqualTo("http://127.0.0.1:9000");
        for (String endpoint : List.of("authorization_endpoint", "token_endpoint", "end_session_endpoint", "jwks_uri")) {
            assertThat(metadata.path(endpoint).asString()).as(endpoint).startsWith("http://127.0.0.1:9000/");
        }
        assertThat(metadata.path("code_challenge_methods_supported").toString()).contains("S256");
    }

    private HttpResponse<String> tokenRequest(String clientId, String secret) throws Exception {
        String basic = Base64.getEncoder().encodeToString((URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(secret, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(url + "/oauth2/token"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), HttpResponse.BodyHandlers.ofString());
    }
}

package org.commitmenttracker.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.commitmenttracker.devstack.LocalIssuer;

/**
 * Bearer tokens for tests, signed by one key per test JVM; the services under test trust its public key
 * ({@link #publicKeyFile()}, set by {@link TestStackExtension}), exactly as a deployment trusts its OIDC
 * provider. Values are the {@code Authorization} header's.
 */
public final class TestTokens {
    private static final LocalIssuer ISSUER = LocalIssuer.generate();
    private static final Path PUBLIC_KEY = writePublicKey();
    private static final Duration VALIDITY = Duration.ofHours(2);
    /** The AES-256 key (base64) the services under test encrypt stored secrets with: one per test JVM. */
    public static final String SECRETS_KEY = LocalIssuer.newSecretsKey();

    private TestTokens() {
    }

    public static Path publicKeyFile() {
        return PUBLIC_KEY;
    }

    /** The private key (PKCS#8 PEM) in a fresh file, for an identity provider the services under test must trust. */
    public static Path signingKeyFile() {
        try {
            Path directory = Files.createTempDirectory("test-token-issuer-");
            directory.toFile().deleteOnExit();
            Path file = ISSUER.writeSigningKey(directory.resolve("signing-key.pem"));
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code Bearer …} for a caller named after the role, with that one role. */
    public static String bearer(String role) {
        return bearer("test-" + role, List.of(role), null);
    }

    /** {@code Bearer …} for an agency system speaking for {@code agencyId}. */
    public static String agency(String agencyId) {
        return bearer("agency-system-" + agencyId, List.of("agency"), agencyId);
    }

    /** {@code Bearer …} for the subscriber {@code subject}. */
    public static String subscriber(String subject) {
        return bearer(subject, List.of("subscriber"), null);
    }

    public static String bearer(String subject, List<String> roles, String agencyId) {
        return "Bearer " + ISSUER.token(subject, roles, agencyId, VALIDITY);
    }

    /**
     * {@code Bearer …} of exactly this JWT header and these claims (JSON), signed by the trusted key: tokens that
     * are genuine yet must be refused (no {@code exp}, no {@code sub}, another audience, an ID token).
     */
    public static String signed(String header, String claims) {
        return "Bearer " + ISSUER.sign(header, claims);
    }

    /** The issuer the services under test trust ({@code iss}) and the audience they require ({@code aud}). */
    public static String issuer() {
        return LocalIssuer.ISSUER;
    }

    public static String audience() {
        return LocalIssuer.AUDIENCE;
    }

    /** A token signed by another key: well-formed, and not to be trusted. */
    public static String forged(String role) {
        return "Bearer " + LocalIssuer.generate().token("test-" + role, List.of(role), null, VALIDITY);
    }

    private static Path writePublicKey() {
        try {
            Path file = Files.createTempFile("test-token-issuer-", ".pem");
            file.toFile().deleteOnExit();
            return ISSUER.writePublicKey(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.commitmenttracker.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The token issuer of local runs and tests, standing in for the OIDC provider of production: an RSA key
 * pair (generated once per data directory, the private key readable by its owner only) and RS256 JWTs
 * with the claims the services read ({@code sub}, {@code aud}, {@code roles}, {@code agency_id}). The services only
 * get the public key ({@code spring.security.oauth2.resourceserver.jwt.public-key-location}).
 */
public final class LocalIssuer {
    public static final String ISSUER = "commitment-tracker-local";
    /** The audience its tokens name: the services' default {@code tracker.security.jwt.audience}. */
    public static final String AUDIENCE = "commitment-tracker";
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private LocalIssuer(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** A fresh key pair, in memory (tests). */
    public static LocalIssuer generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new LocalIssuer(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The issuer of {@code directory}: its key pair, created on first use. */
    public static LocalIssuer inDirectory(Path directory) {
        Path privateFile = signingKeyFile(directory);
        try {
            if (!Files.exists(privateFile)) {
                LocalIssuer issuer = generate();
                issuer.writeSigningKey(privateFile);
            }
            String base64 = Files.readString(privateFile).replaceAll("-----[A-Z ]+-----|\\s", "");
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey key = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            LocalIssuer issuer = new LocalIssuer(key, rsa.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent())));
            // Written every time: the services read it, and a run stopped half-way must not leave it missing.
            issuer.writePublicKey(publicKeyFile(directory));
            return issuer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Unreadable signing key " + privateFile, e);
        }
    }

    /** A random AES-256 key, base64: what {@code TRACKER_NOTIFICATION_SECRETS_KEY} holds. */
    public static String newSecretsKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** The secrets key of {@code directory}, created on first use (readable by its owner only). */
    public static String secretsKeyIn(Path directory) {
        Path file = directory.resolve("secrets.key");
        try {
            if (!Files.exists(file)) {
                writeOwnerOnly(file, newSecretsKey());
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates {@code file} readable by its owner only from the start (never briefly world-readable). */
    static void writeOwnerOnly(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content);
    }

    /** The private key (PKCS#8 PEM) of {@code directory}, which the local identity provider signs with too. */
    public static Path signingKeyFile(Path directory) {
        return directory.resolve("signing-key.pem");
    }

    public static Path publicKeyFile(Path directory) {
        return directory.resolve("public-key.pem");
    }

    /** Writes the public key as PEM (X.509 SubjectPublicKeyInfo), the form Boot's public-key-location reads. */
    public Path writePublicKey(Path file) {
        try {
            Files.writeString(file, pem("PUBLIC KEY", publicKey.getEncoded()));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the private key as PKCS#8 PEM, readable by its owner only: what the local identity provider signs with. */
    public Path writeSigningKey(Path file) {
        try {
            writeOwnerOnly(file, pem("PRIVATE KEY", privateKey.getEncoded()));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A signed token for {@code subject} with {@code roles}; {@code agencyId} may be null. */
    public String token(String subject, Collection<String> roles, String agencyId, Duration validity) {
        Instant now = Instant.now();
        StringBuilder claims = new StringBuilder("{\"iss\":").append(quote(ISSUER))
                .append(",\"sub\":").append(quote(subject))
                .append(",\"aud\":").append(quote(AUDIENCE))
                .append(",\"iat\":").append(now.getEpochSecond())
                .append(",\"exp\":").append(now.plus(validity).getEpochSecond())
                .append(",\"jti\":").append(quote(UUID.randomUUID().toString()))
                .append(",\"roles\":[").append(roles.stream().map(LocalIssuer::quote).collect(Collectors.joining(","))).append(']');
        if (agencyId != null) {
            claims.append(",\"agency_id\":").append(quote(agencyId));
        }
        claims.append('}');
        return sign("{\"alg\":\"RS256\",\"typ\":\"JWT\"}", claims.toString());
    }

    /** A token of exactly this header and these claims (JSON), signed RS256 with this issuer's key (hostile-token tests). */
    public String sign(String header, String claims) {
        String signingInput = URL.encodeToString(header.getBytes(StandardCharsets.UTF_8))
                + "." + URL.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(privateKey);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static String quote(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}

package org.commitmenttracker.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

/** The RSA key of a PKCS#8 PEM file (the one {@code ./dev up} generates) as the JWK the provider signs with. */
final class SigningKey {
    private SigningKey() {
    }

    static RSAKey read(Path pemFile) {
        try {
            String base64 = Files.readString(pemFile).replaceAll("-----[A-Z ]+-----|\\s", "");
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            RSAKey key = new RSAKey.Builder(publicKey).privateKey(privateKey).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).build();
            // The thumbprint as key id: the same file gives the same kid across restarts.
            return new RSAKey.Builder(key).keyID(key.computeThumbprint().toString()).build();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the signing key " + pemFile, e);
        } catch (GeneralSecurityException | JOSEException | ClassCastException | IllegalArgumentException e) {
            throw new IllegalStateException("The signing key " + pemFile + " is not a PKCS#8 RSA private key", e);
        }
    }
}

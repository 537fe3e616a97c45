package org.commitmenttracker.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalIssuerTest {

    @Test
    void theSigningKeyIsTheOwnersAloneAndAMissingPublicKeyIsWrittenAgain(@TempDir Path directory) throws Exception {
        LocalIssuer first = LocalIssuer.inDirectory(directory);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve("signing-key.pem"))))
                .isEqualTo("rw-------");
        Files.delete(LocalIssuer.publicKeyFile(directory));

        LocalIssuer.inDirectory(directory);
        // The same key pair: a token of the first instance verifies against the public key the second one wrote.
        String[] token = first.token("alice", List.of("reader"), null, Duration.ofMinutes(1)).split("\\.");
        String pem = Files.readString(LocalIssuer.publicKeyFile(directory)).replaceAll("-----[A-Z ]+-----|\\s", "");
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem))));
        rsa.update((token[0] + "." + token[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rsa.verify(Base64.getUrlDecoder().decode(token[2]))).isTrue();
    }

    @Test
    void theSecretsKeyIsCreatedOnceAndTheOwnersAlone(@TempDir Path directory) throws Exception {
        String key = LocalIssuer.secretsKeyIn(directory);
        assertThat(LocalIssuer.secretsKeyIn(directory)).isEqualTo(key);
        assertThat(Base64.getDecoder().decode(key)).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve("secrets.key"))))
                .isEqualTo("rw-------");
    }
}

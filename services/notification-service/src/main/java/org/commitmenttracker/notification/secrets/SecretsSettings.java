package org.commitmenttracker.notification.secrets;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tracker.notification.*}.
 *
 * @param secretsKey AES-256 key (base64 of 32 bytes) that encrypts webhook signing secrets at rest and keys the
 *                   e-mail links; required (no key, no start: {@link SecretCipher#fromBase64Key})
 */
@ConfigurationProperties("tracker.notification")
public record SecretsSettings(@DefaultValue("") String secretsKey) {
    public SecretsSettings {
        secretsKey = secretsKey == null ? "" : secretsKey;
    }

    /** Never the key itself. */
    @Override
    public String toString() {
        return "SecretsSettings[secretsKey=" + (secretsKey.isBlank() ? "unset" : "set") + "]";
    }
}

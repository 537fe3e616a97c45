package org.commitmenttracker.notification.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;

import org.commitmenttracker.notification.webhook.WebhookSecret;
import org.junit.jupiter.api.Test;

class SecretCipherTest {
    private final String key = newKey();
    private final SecretCipher cipher = SecretCipher.fromBase64Key(key);

    @Test
    void whatIsSealedOpensToTheSameValueAndReadsAsNothingLikeIt() {
        String secret = WebhookSecret.generate();
        String sealed = cipher.seal(secret);
        assertThat(sealed).startsWith("v1:").doesNotContain(secret).doesNotContain(secret.substring(WebhookSecret.PREFIX.length()))
                .doesNotContain("whsec_");
        assertThat(cipher.open(sealed)).isEqualTo(secret);
        // A new nonce every time: the same secret never gives the same sealed value.
        assertThat(cipher.seal(secret)).isNotEqualTo(sealed);
        assertThat(cipher.open(cipher.seal(secret))).isEqualTo(secret);
    }

    @Test
    void anAlteredValueDoesNotOpen() {
        String sealed = cipher.seal(WebhookSecret.generate());
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(3));
        for (int at : new int[]{0, 11, 12, bytes.length / 2, bytes.length - 1}) {
            byte[] altered = bytes.clone();
            altered[at] ^= 0x01;
            assertThatThrownBy(() -> cipher.open("v1:" + Base64.getEncoder().encodeToString(altered)))
                    .as("byte %d flipped", at).isInstanceOf(SecretCipher.UnreadableSecretException.class)
                    .hasMessageContaining("altered, or sealed with another key");
        }
        assertThatThrownBy(() -> cipher.open(sealed.substring(0, sealed.length() - 8)))
                .isInstanceOf(SecretCipher.UnreadableSecretException.class);
        assertThatThrownBy(() -> cipher.open("v1:AAAA")).isInstanceOf(SecretCipher.UnreadableSecretException.class);
        assertThatThrownBy(() -> cipher.open("whsec_plain")).isInstanceOf(SecretCipher.UnreadableSecretException.class);
    }

    @Test
    void anotherKeyCannotOpenItAndTheMessageNamesNoValue() {
        String secret = WebhookSecret.generate();
        String sealed = cipher.seal(secret);
        assertThatThrownBy(() -> SecretCipher.fromBase64Key(newKey()).open(sealed))
                .isInstanceOf(SecretCipher.UnreadableSecretException.class)
                .hasMessageContaining("TRACKER_NOTIFICATION_SECRETS_KEY")
                .hasMessageNotContaining(secret).hasMessageNotContaining(sealed);
    }

    @Test
    void aMissingOrMalformedKeyIsRefusedSayingWhatIsWrongWithoutTheValue() {
        assertThatThrownBy(() -> SecretCipher.fromBase64Key(null)).isInstanceOf(InvalidSecretsKeyException.class)
                .hasMessage("TRACKER_NOTIFICATION_SECRETS_KEY (tracker.notification.secrets-key) is not set.");
        assertThatThrownBy(() -> SecretCipher.fromBase64Key("  ")).isInstanceOf(InvalidSecretsKeyException.class)
                .hasMessageContaining("is not set");
        assertThatThrownBy(() -> SecretCipher.fromBase64Key("not base64 at all!")).isInstanceOf(InvalidSecretsKeyException.class)
                .hasMessageContaining("is not base64").hasMessageNotContaining("at all");
        String short16 = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> SecretCipher.fromBase64Key(short16)).isInstanceOf(InvalidSecretsKeyException.class)
                .hasMessageContaining("decodes to 16 bytes; AES-256 needs 32").hasMessageNotContaining(short16);
        assertThat(SecretCipher.fromBase64Key(" " + key + "\n").open(cipher.seal("x"))).isEqualTo("x");
    }

    private static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}

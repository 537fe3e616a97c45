package org.commitmenttracker.notification.secrets;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The cipher of stored webhook secrets, from {@code tracker.notification.secrets-key}: no key, no start. */
@Configuration
class SecretsConfiguration {

    @Bean
    SecretCipher secretCipher(@Value("${tracker.notification.secrets-key:}") String key) {
        return SecretCipher.fromBase64Key(key);
    }
}

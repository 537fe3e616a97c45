package org.commitmenttracker.notification.secrets;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The cipher of stored webhook secrets, from {@code tracker.notification.secrets-key}: no key, no start. */
@Configuration
@EnableConfigurationProperties(SecretsSettings.class)
class SecretsConfiguration {

    @Bean
    SecretCipher secretCipher(SecretsSettings settings) {
        return SecretCipher.fromBase64Key(settings.secretsKey());
    }
}

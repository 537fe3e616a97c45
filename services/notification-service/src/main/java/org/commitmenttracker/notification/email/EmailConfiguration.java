package org.commitmenttracker.notification.email;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.commitmenttracker.notification.secrets.SecretCipher;
import org.commitmenttracker.notification.secrets.SecretsSettings;
import org.commitmenttracker.notification.subscriptions.EmailSupport;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties({EmailSettings.class, MailProperties.class}) // Boot's only when it makes the mail sender
class EmailConfiguration {

    /** What subscriptions may ask of this channel. */
    @Bean
    EmailSupport emailSupport(MailProperties mail, EmailSettings settings) {
        return new EmailSupport(mail.getHost() != null && !mail.getHost().isBlank(), settings.defaultGroupWindow());
    }

    /**
     * Link tokens keyed with HMAC(secrets key, "email-links-v1"): derived from the key that already must be kept
     * and backed up, so there is no second secret; the cipher's bean is asked for first so that a missing or
     * malformed key fails the start with its own explanation.
     */
    @Bean
    EmailLinks emailLinks(SecretCipher validated, SecretsSettings secrets)
            throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secrets.secretsKey().strip()), "HmacSHA256"));
        return new EmailLinks(mac.doFinal("email-links-v1".getBytes(StandardCharsets.UTF_8)));
    }
}

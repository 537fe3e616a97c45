package org.commitmenttracker.notification.webhook;

import java.net.InetAddress;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(WebhookSettings.class)
class WebhookConfiguration {

    @Bean(destroyMethod = "close")
    WebhookClient webhookClient(WebhookSettings settings) {
        return new WebhookClient(new WebhookUrlPolicy(settings.allowInsecureLoopback(), InetAddress::getAllByName),
                settings.connectTimeout(), settings.attemptTimeout(), settings.perHostConcurrency());
    }
}

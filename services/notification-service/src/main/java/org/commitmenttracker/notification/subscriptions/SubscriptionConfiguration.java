package org.commitmenttracker.notification.subscriptions;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties({SubscriptionLimits.class, RefreshSettings.class})
class SubscriptionConfiguration {
}

package org.commitmenttracker.notification.alerts;

import java.util.List;

import org.commitmenttracker.notification.subscriptions.SubscriptionService;
import org.commitmenttracker.service.security.Caller;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/subscriptions/{id}/alerts}: what a subscription has been alerted about (its owner only);
 * {@code ?suppressed=true}: the alerts a silence muted instead.
 */
@RestController
class AlertController {
    private final AlertLog alerts;
    private final SubscriptionService subscriptions;

    AlertController(AlertLog alerts, SubscriptionService subscriptions) {
        this.alerts = alerts;
        this.subscriptions = subscriptions;
    }

    @GetMapping("/api/subscriptions/{id}/alerts")
    List<Alert> alertsOf(@AuthenticationPrincipal Caller caller,
                         @PathVariable String id, @RequestParam(defaultValue = "false") boolean suppressed,
                         @RequestParam(defaultValue = "1000") int limit) {
        subscriptions.get(caller.subject(), id);
        return alerts.of(id, suppressed, Math.min(Math.max(limit, 1), 10_000));
    }
}

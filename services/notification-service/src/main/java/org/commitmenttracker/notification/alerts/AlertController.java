package org.commitmenttracker.notification.alerts;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/subscriptions/{id}/alerts}: what a subscription has been alerted about. */
@RestController
class AlertController {
    private final StatusChangeAlerts alerts;

    AlertController(StatusChangeAlerts alerts) {
        this.alerts = alerts;
    }

    @GetMapping("/api/subscriptions/{id}/alerts")
    List<Alert> alertsOf(@PathVariable String id, @RequestParam(defaultValue = "1000") int limit) {
        return alerts.of(id, Math.min(Math.max(limit, 1), 10_000));
    }
}

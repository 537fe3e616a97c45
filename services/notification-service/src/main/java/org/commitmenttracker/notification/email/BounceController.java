package org.commitmenttracker.notification.email;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/email/bounces}: where the mailbox reader of the bounce domain reports a late bounce (a DSN that
 * came back to an e-mail's return path, {@code bounce-…@<tracker.email.bounce-domain>}). Public like the other
 * e-mail links: the return path carries its own proof (a MAC), so a report can only stop the address the
 * message went to. 202 for every well-formed report, whether or not it stopped anything.
 */
@RestController
@Tag(name = "e-mail links")
class BounceController {
    private final EmailConfirmations confirmations;

    BounceController(EmailConfirmations confirmations) {
        this.confirmations = confirmations;
    }

    /**
     * {@code recipient}: the DSN's envelope recipient (the return path); {@code status}: its RFC 3463 status. Any
     * other field is refused while the body is parsed (400), as on every service: nothing collects unknown keys.
     */
    record BounceReport(String recipient, String status, String diagnostic) {
    }

    @PostMapping("/api/email/bounces")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Report a late bounce (DSN) for a return path; a permanent one (5.x.x) stops that address")
    void bounced(@RequestBody BounceReport report) {
        confirmations.bounced(report.recipient(), report.status(), report.diagnostic());
    }
}

package org.commitmenttracker.notification.email;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.commitmenttracker.notification.subscriptions.Subscription;
import org.commitmenttracker.service.web.HtmlText;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public (no token: the link's signed token is the proof) endpoints behind the links in e-mails. A GET only
 * shows a page with a button — mail scanners fetch links, and must neither confirm nor unsubscribe anybody —
 * and the POST acts: the button's form, or a mail client's RFC 8058 one-click unsubscribe
 * ({@code List-Unsubscribe=One-Click} posted to the {@code List-Unsubscribe} URL).
 */
@RestController
@RequestMapping("/api/email")
@Tag(name = "e-mail links")
class EmailLinkController {
    private final EmailConfirmations confirmations;

    EmailLinkController(EmailConfirmations confirmations) {
        this.confirmations = confirmations;
    }

    @GetMapping("/confirm")
    @Operation(summary = "The confirmation page of the link mailed to a new address (confirms nothing by itself)")
    ResponseEntity<String> confirmPage(@RequestParam(required = false) String token) {
        Subscription subscription = confirmations.subscriptionOf(token, EmailLinks.Purpose.CONFIRM);
        return page(subscription, "Confirm alert e-mails to " + subscription.email().address() + "?",
                "确认将提醒发送到此地址？", "confirm", token, "Confirm / 确认");
    }

    @PostMapping("/confirm")
    @Operation(summary = "Confirm the address: from now on it receives the subscription's alerts")
    ResponseEntity<String> confirm(@RequestParam(required = false) String token) {
        Subscription subscription = confirmations.confirm(token);
        return done("Confirmed: " + subscription.email().address() + " receives the subscription's alerts.", "已确认：此地址将收到该订阅的提醒。");
    }

    @GetMapping("/unsubscribe")
    @Operation(summary = "The unsubscribe page of the link in every alert e-mail (unsubscribes nothing by itself)")
    ResponseEntity<String> unsubscribePage(@RequestParam(required = false) String token) {
        Subscription subscription = confirmations.subscriptionOf(token, EmailLinks.Purpose.UNSUBSCRIBE);
        return page(subscription, "Stop alert e-mails to " + subscription.email().address() + "?",
                "不再向此地址发送提醒？", "unsubscribe", token, "Unsubscribe / 退订");
    }

    @PostMapping("/unsubscribe")
    @Operation(summary = "Unsubscribe the address (one click, RFC 8058): it receives nothing more")
    ResponseEntity<String> unsubscribe(@RequestParam(required = false) String token) {
        Subscription subscription = confirmations.unsubscribe(token);
        return done("Unsubscribed: " + subscription.email().address() + " receives no more alerts of this subscription.",
                "已退订：此地址不会再收到该订阅的提醒。");
    }

    private static ResponseEntity<String> page(Subscription subscription, String english, String chinese, String action, String token, String button) {
        return html("<p>" + HtmlText.escape(english) + "</p><p>" + HtmlText.escape(chinese) + "</p>"
                + "<form method=\"post\" action=\"/api/email/" + action + "?token=" + HtmlText.escape(token) + "\">"
                + "<button type=\"submit\">" + button + "</button></form>");
    }

    private static ResponseEntity<String> done(String english, String chinese) {
        return html("<p>" + HtmlText.escape(english) + "</p><p>" + HtmlText.escape(chinese) + "</p>");
    }

    private static ResponseEntity<String> html(String body) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Commitment Tracker</title></head><body>" + body
                        + "</body></html>");
    }
}

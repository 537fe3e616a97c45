package org.commitmenttracker.notification.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class EmailLinksTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private final EmailLinks links = new EmailLinks("k".repeat(32).getBytes());

    @Test
    void aTokenNamesItsSubscriptionAndNonceForItsPurposeOnly() {
        String token = links.token(EmailLinks.Purpose.CONFIRM, "sub-1", "nonce-1", NOW.plusSeconds(60));
        assertThat(links.verify(token, EmailLinks.Purpose.CONFIRM, NOW))
                .contains(new EmailLinks.Claim(EmailLinks.Purpose.CONFIRM, "sub-1", "nonce-1"));
        assertThat(links.verify(token, EmailLinks.Purpose.UNSUBSCRIBE, NOW)).isEmpty();
        assertThat(links.verify(token, EmailLinks.Purpose.CONFIRM, NOW.plusSeconds(61))).as("expired").isEmpty();
    }

    @Test
    void forgedOrAlteredTokensAreRefused() {
        String token = links.token(EmailLinks.Purpose.UNSUBSCRIBE, "sub-1", "nonce-1", null);
        String otherSubscription = links.token(EmailLinks.Purpose.UNSUBSCRIBE, "sub-2", "nonce-1", null);
        String spliced = otherSubscription.substring(0, otherSubscription.indexOf('.')) + token.substring(token.indexOf('.'));
        assertThat(links.verify(spliced, EmailLinks.Purpose.UNSUBSCRIBE, NOW)).isEmpty();
        assertThat(new EmailLinks("x".repeat(32).getBytes()).verify(token, EmailLinks.Purpose.UNSUBSCRIBE, NOW)).as("another key").isEmpty();
        for (String junk : new String[]{"", "abc", "a.b", "!!!.???", token + "x"}) {
            assertThat(links.verify(junk, EmailLinks.Purpose.UNSUBSCRIBE, NOW)).as(junk).isEmpty();
        }
        assertThat(links.verify(token, EmailLinks.Purpose.UNSUBSCRIBE, NOW.plusSeconds(10L * 365 * 86400))).as("never expires").isPresent();
    }
}

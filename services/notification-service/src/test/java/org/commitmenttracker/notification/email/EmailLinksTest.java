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

    @Test
    void aReturnPathNamesItsSubscriptionAndAddressInAShortCaseInsensitiveLocalPart() {
        String subscription = "sub-" + java.util.UUID.randomUUID();
        String returnPath = links.returnPath(subscription, "nonce-1", "bounces.example.org").orElseThrow();
        assertThat(returnPath.substring(0, returnPath.indexOf('@')).length()).isLessThanOrEqualTo(64);
        EmailLinks.Bounced bounced = links.verifyReturnPath(returnPath.toUpperCase(java.util.Locale.ROOT)).orElseThrow();
        assertThat(bounced.subscriptionId()).isEqualTo(subscription);
        assertThat(bounced.of("nonce-1")).isTrue();
        assertThat(bounced.of("nonce-2")).as("another address of the subscription").isFalse();

        char last = returnPath.charAt(returnPath.indexOf('@') - 1);
        String altered = returnPath.replace(last + "@", (last == '0' ? '1' : '0') + "@");
        assertThat(links.verifyReturnPath(altered)).isEmpty();
        assertThat(links.verifyReturnPath("someone@example.org")).isEmpty();
        assertThat(links.returnPath("not-made-here", "n", "b.example.org")).isEmpty();
    }
}

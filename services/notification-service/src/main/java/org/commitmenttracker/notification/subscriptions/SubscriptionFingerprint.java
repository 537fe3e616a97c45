package org.commitmenttracker.notification.subscriptions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.TreeSet;

import org.commitmenttracker.notification.matching.KindFilter;
import org.commitmenttracker.notification.matching.SubscriptionFilter;

/**
 * Identifies "the same subscription": the same owner, the same criteria (whatever their order), the same
 * webhook URL and e-mail address. Stored under a unique index, it turns a duplicate into a key violation even when two
 * replicas receive the same request at once.
 */
final class SubscriptionFingerprint {
    private SubscriptionFingerprint() {
    }

    static String of(String owner, SubscriptionFilter filter, String webhookUrl, Email email) {
        StringBuilder canonical = new StringBuilder(owner).append('\n')
                .append(sorted(filter.commitmentIds())).append(sorted(filter.documentIds()))
                .append(sorted(filter.sections())).append(sorted(filter.topics())).append(sorted(filter.parties()))
                .append(sorted(filter.agencies())).append(sorted(filter.organisations()))
                .append(sorted(filter.statuses()));
        TreeSet<String> kinds = new TreeSet<>();
        for (KindFilter kind : filter.events()) {
            kinds.add(kind.kind().wireName() + sorted(kind.horizons()) + sorted(kind.from()) + sorted(kind.to()));
        }
        canonical.append(kinds).append('\n').append(filter.keyword()).append('\n').append(webhookUrl);
        if (email != null) { // only then: fingerprints stored before e-mail existed stay the same
            canonical.append("\nmailto:").append(email.address().toLowerCase(java.util.Locale.ROOT));
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sorted(Collection<?> values) {
        TreeSet<String> sorted = new TreeSet<>();
        values.forEach(value -> sorted.add(String.valueOf(value)));
        return sorted + "\n";
    }
}

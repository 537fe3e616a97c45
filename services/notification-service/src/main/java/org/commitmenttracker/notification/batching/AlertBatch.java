package org.commitmenttracker.notification.batching;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.commitmenttracker.notification.noise.BatchItem;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The alerts of one subscription waiting to go out on one channel together ({@code alert_batches}, id
 * {@code subscription|channel}). The batch goes out when its earliest item is due — the first alert of a group
 * plus the window, or the digest time — with every item it holds then. {@code v} counts appends (an emptied
 * batch is deleted only if nothing joined meanwhile); {@code claim} counts claims, and a claim is a lease
 * ({@code leaseUntil}) so that a sender that dies leaves the batch to another replica.
 */
@Document(AlertBatch.COLLECTION)
public record AlertBatch(@Id String id, String subscriptionId, String owner, Channel channel, List<BatchItem> items,
                         long v, long claim, Instant leaseUntil) {
    public static final String COLLECTION = "alert_batches";

    public AlertBatch {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public static String idOf(String subscriptionId, Channel channel) {
        return subscriptionId + "|" + channel.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The items to send, each alert once, in arrival order (a redelivered event may have added one twice). */
    public List<BatchItem> distinctItems() {
        Map<String, BatchItem> byAlert = new LinkedHashMap<>();
        items.forEach(item -> byAlert.putIfAbsent(item.alertId(), item));
        return new ArrayList<>(byAlert.values());
    }

    /** Whether a sender may claim it at {@code now}: an item is due and no live lease holds it. */
    public boolean claimableAt(Instant now) {
        return (leaseUntil == null || leaseUntil.isBefore(now)) && items.stream().anyMatch(item -> !item.dueAt().isAfter(now));
    }

    static List<String> alertIds(Collection<BatchItem> items) {
        return items.stream().map(BatchItem::alertId).distinct().toList();
    }
}

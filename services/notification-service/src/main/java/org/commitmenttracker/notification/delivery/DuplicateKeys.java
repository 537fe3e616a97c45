package org.commitmenttracker.notification.delivery;

import java.util.HashSet;
import java.util.Set;

import org.springframework.data.mongodb.BulkOperationException;

/** Bulk inserts where a duplicate key means "exists already" rather than an error. */
final class DuplicateKeys {
    private static final int DUPLICATE_KEY = 11000;

    private DuplicateKeys() {
    }

    /** Runs a bulk insert and returns the positions refused as duplicates; any other error is thrown. */
    static Set<Integer> refusedBy(Runnable bulkInsert) {
        Set<Integer> refused = new HashSet<>();
        try {
            bulkInsert.run();
        } catch (BulkOperationException partly) {
            partly.getErrors().forEach(error -> {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw partly;
                }
                refused.add(error.getIndex());
            });
        }
        return refused;
    }
}

package org.commitmenttracker.notification.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * The records of one poll, handled in order up to the first one that cannot be: the results for those before
 * it, and its failure (its index in the poll is the number of results). Those before it are stored and
 * committed; {@link #throwIfFailed} then hands that one record to the container's error handler (retried, or
 * straight to the dead-letter topic when it is not a valid event), and the records after it come again.
 */
record Handled<T>(List<T> results, RuntimeException failure) {

    static <S, T> Handled<T> each(List<S> records, Function<? super S, ? extends T> step) {
        List<T> results = new ArrayList<>(records.size());
        for (S record : records) {
            try {
                results.add(step.apply(record));
            } catch (RuntimeException failed) {
                return new Handled<>(results, failed);
            }
        }
        return new Handled<>(results, null);
    }

    /** The next step for each result so far; the first failure, of this step or an earlier one, is kept. */
    <R> Handled<R> then(Function<? super T, ? extends R> step) {
        Handled<R> next = each(results, step);
        return next.failure() != null ? next : new Handled<>(next.results(), failure);
    }

    void throwIfFailed() {
        if (failure != null) {
            throw new BatchListenerFailedException(String.valueOf(failure.getMessage()), failure, results.size());
        }
    }
}

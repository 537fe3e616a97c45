package org.commitmenttracker.registry.store;

/** No commitment with this id is registered. */
public class CommitmentNotFound extends RuntimeException {
    public CommitmentNotFound(String id) {
        super("No commitment " + id + ".");
    }
}

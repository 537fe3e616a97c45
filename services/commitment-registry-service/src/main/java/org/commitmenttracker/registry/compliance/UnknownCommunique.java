package org.commitmenttracker.registry.compliance;

/** No commitment of this communiqué is registered (or none the caller may see). */
public class UnknownCommunique extends RuntimeException {
    public UnknownCommunique(String documentId) {
        super("No commitments of communiqué " + documentId + " are registered.");
    }
}

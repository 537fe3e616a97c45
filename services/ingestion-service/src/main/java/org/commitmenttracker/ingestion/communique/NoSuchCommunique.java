package org.commitmenttracker.ingestion.communique;

/** A communiqué id that names nothing stored. */
public class NoSuchCommunique extends RuntimeException {
    public NoSuchCommunique(String id) {
        super("No communiqué " + id + " is stored.");
    }
}

package org.commitmenttracker.registry.access;

/** A caller acting for an agency its token does not name (403). */
public class NotThisAgency extends RuntimeException {
    public NotThisAgency(String message) {
        super(message);
    }
}

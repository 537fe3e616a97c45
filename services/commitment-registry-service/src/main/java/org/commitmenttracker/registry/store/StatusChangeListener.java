package org.commitmenttracker.registry.store;

import java.util.Collection;

/**
 * Told, after a write is stored, which commitments it gave another status: for what other features derive from a
 * commitment's status outside its own document (the lineage facts of the commitments that renew it).
 */
public interface StatusChangeListener {
    void statusChanged(Collection<String> commitmentIds);
}

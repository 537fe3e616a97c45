package org.commitmenttracker.service.config;

/** Declares a collection whose documents carry an embedded outbox; the relay sweeps each one declared. */
public record OutboxCollection(String name) {
}

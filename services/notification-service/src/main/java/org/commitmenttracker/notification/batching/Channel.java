package org.commitmenttracker.notification.batching;

/** Where a batch of alerts goes: one message per batch on each channel of a subscription. */
public enum Channel { WEBHOOK, EMAIL }

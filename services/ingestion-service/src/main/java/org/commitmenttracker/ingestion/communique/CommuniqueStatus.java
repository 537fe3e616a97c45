package org.commitmenttracker.ingestion.communique;

public enum CommuniqueStatus {
    ACTIVE,
    WITHDRAWN
}

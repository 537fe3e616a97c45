package org.commitmenttracker.ingestion.upload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MetadataTest {
    private final Metadata untitled = Metadata.of(null, "en", null, null);

    @Test
    void aTitleTheDocumentNamesItselfIsTakenOnlyWhenItIsPlausibleWellFormedText() {
        assertThat(untitled.withTitleIfAbsent("  Joint Communiqué ").title()).isEqualTo("Joint Communiqué");
        assertThat(untitled.withTitleIfAbsent("Joint\u0000Communiqué").title()).as("a NUL, as a PDF's Info title can decode").isNull();
        assertThat(untitled.withTitleIfAbsent("Joint \ud800 Communiqué").title()).as("an unpaired surrogate").isNull();
        assertThat(untitled.withTitleIfAbsent("t".repeat(Metadata.MAX_TITLE + 1)).title()).isNull();
        assertThat(Metadata.of("Given", null, null, null).withTitleIfAbsent("From the file").title()).isEqualTo("Given");
    }
}

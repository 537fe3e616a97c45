package org.commitmenttracker.extraction.engine.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RomanNumeralsTest {
    @Test
    void canonicalNumeralsReadTheSameEitherWay() {
        assertThat(RomanNumerals.parse("IV")).isEqualTo(4);
        assertThat(RomanNumerals.parseCanonical("IV")).isEqualTo(4);
        assertThat(RomanNumerals.parseCanonical("XXXIX")).isEqualTo(39);
    }

    @Test
    void onlyTheCanonicalReadingRefusesNonCanonicalFormsAndOtherLetters() {
        assertThat(RomanNumerals.parse("IIII")).isEqualTo(4);
        assertThat(RomanNumerals.parseCanonical("IIII")).isZero();
        assertThat(RomanNumerals.parseCanonical("XL")).isZero();
        assertThat(RomanNumerals.parseCanonical("IC")).isZero();
        assertThat(RomanNumerals.parseCanonical("")).isZero();
    }
}

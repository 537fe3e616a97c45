package org.commitmenttracker.ingestion.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class ConversionSlotsTest {
    private static ConversionSlots slots(int concurrency) {
        return new ConversionSlots(new ConversionLimits(1000, DataSize.ofMegabytes(32), DataSize.ofMegabytes(64), 500,
                DataSize.ofMegabytes(16), DataSize.ofMegabytes(256), Duration.ofSeconds(30), concurrency, Duration.ZERO));
    }

    @Test
    void aConversionBeyondTheBoundIsRefusedAsBusyUntilASlotIsGivenBack() {
        ConversionSlots slots = slots(2);
        ConversionSlots.Slot first = slots.take();
        ConversionSlots.Slot second = slots.take();

        assertThatThrownBy(slots::take).isInstanceOfSatisfying(DocumentRejected.class,
                e -> assertThat(e.reason()).isEqualTo(DocumentRejected.Reason.BUSY));

        first.close();
        slots.take().close();
        second.close();
    }

    @Test
    void aBoundBelowOneIsAConfigurationError() {
        assertThatThrownBy(() -> slots(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("conversion.concurrency");
    }
}

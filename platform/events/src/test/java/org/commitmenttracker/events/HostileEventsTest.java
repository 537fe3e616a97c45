package org.commitmenttracker.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.assertj.core.api.SoftAssertions;
import org.commitmenttracker.testsupport.HostileInput;
import org.junit.jupiter.api.Test;

/**
 * Fuzz of every event type: each hostile variant of a valid event is an {@link InvalidEventException}
 * naming what is wrong (which the consumers dead-letter with that reason), never another exception; only
 * well-typed values decode (a huge string where free text belongs), and consumers check sizes themselves.
 */
class HostileEventsTest {
    private final EventCodec codec = new EventCodec();

    @Test
    void everyEventTypeHasASample() {
        assertThat(EventSamples.BY_TYPE.keySet()).containsExactlyInAnyOrder(EventType.values());
    }

    @Test
    void everyHostileVariantOfEveryEventTypeIsAnInvalidEventOrStillWellTyped() {
        SoftAssertions softly = new SoftAssertions();
        for (Map.Entry<EventType, EventData> sample : EventSamples.BY_TYPE.entrySet()) {
            String valid = new String(codec.encode(EventSamples.envelope(sample.getValue())), StandardCharsets.UTF_8);
            assertThat(codec.decode(valid.getBytes(StandardCharsets.UTF_8)).data()).isEqualTo(sample.getValue());
            for (Map.Entry<String, byte[]> variant : HostileInput.variantsOf(valid).entrySet()) {
                String what = sample.getKey().typeName() + ": " + variant.getKey();
                Throwable thrown = null;
                try {
                    codec.decode(variant.getValue());
                } catch (Throwable t) {
                    thrown = t;
                }
                if (variant.getKey().startsWith("huge string")) {
                    // Still well-typed where free text belongs; an id, a date or a version cannot be 3 MB long.
                    if (thrown != null) {
                        softly.assertThat(thrown).as(what).isInstanceOf(InvalidEventException.class);
                    }
                } else {
                    softly.assertThat(thrown).as(what).isInstanceOf(InvalidEventException.class);
                    if (thrown != null) {
                        // The reason travels in a dead-letter header: it names the problem without quoting megabytes.
                        softly.assertThat(thrown.getMessage()).as(what).isNotBlank().hasSizeLessThan(600);
                    }
                }
            }
        }
        softly.assertAll();
    }
}

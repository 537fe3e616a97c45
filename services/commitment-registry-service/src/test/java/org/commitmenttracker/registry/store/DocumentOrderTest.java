package org.commitmenttracker.registry.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The stored document order sorts as (documentId, none first; then ordinal, negative ones too) does. */
class DocumentOrderTest {
    record Position(String documentId, int ordinal) {
    }

    @Test
    void sortsAsDocumentIdThenOrdinal() {
        List<Position> expected = List.of(new Position(null, 3), new Position("doc-a", Integer.MIN_VALUE),
                new Position("doc-a", -1), new Position("doc-a", 0), new Position("doc-a", 2), new Position("doc-a", 10),
                new Position("doc-a", 100), new Position("doc-a", Integer.MAX_VALUE), new Position("doc-a0", 1),
                new Position("doc-b", 1));
        List<Position> shuffled = new ArrayList<>(expected);
        Collections.shuffle(shuffled, new Random(7));

        shuffled.sort(Comparator.comparing((Position p) -> DerivedFields.documentOrder(p.documentId(), p.ordinal())));

        assertThat(shuffled).containsExactlyElementsOf(expected);
    }
}

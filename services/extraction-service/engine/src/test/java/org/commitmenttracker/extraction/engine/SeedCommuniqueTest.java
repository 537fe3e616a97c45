package org.commitmenttracker.extraction.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** Properties of the seed's analysis that the gold file does not state. */
class SeedCommuniqueTest {
    private final CommuniqueAnalysis analysis = new CommuniqueAnalyzer().analyze(SourceDocument.of("doc-1", Corpus.seedText()));

    @Test
    void listsCommitmentsInReadingOrderWithOrdinals() {
        assertThat(analysis.commitments()).extracting(Commitment::ordinal)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 104).boxed().toList());
        assertThat(analysis.commitments().get(0).kind()).isEqualTo(Commitment.Kind.NARRATIVE);
        assertThat(analysis.commitments().get(2).text()).isEqualTo("继续完善贸易结构，推动双边贸易额不断提升，培育新的经贸增长点，持续优化贸易和投资环境，共同保障产业链、供应链和物流链畅通、安全和稳定，推动上海合作组织成员国贸易便利化。");
        assertThat(analysis.commitments()).extracting(Commitment::id).doesNotHaveDuplicates();
    }

    @Test
    void keepsIdsAcrossReprocessingAndAcrossRenderings() {
        CommuniqueAnalysis wire = new CommuniqueAnalyzer()
                .analyze(SourceDocument.of("doc-1", Corpus.seedText().replace('\n', ' ')));

        assertThat(wire.commitments()).extracting(Commitment::id)
                .containsExactlyElementsOf(analysis.commitments().stream().map(Commitment::id).toList());
    }

    @Test
    void flagsTimeExpressionsThatEndBeforeTheDocumentAsPast() {
        assertThat(analysis.commitments()).flatExtracting(Commitment::timeExpressions)
                .filteredOn(TimeSpan::past).allSatisfy(span -> assertThat(span.end()).isBefore(LocalDate.of(2022, 12, 5)))
                .extracting(TimeSpan::text).contains("1994年1月27日", "今年9月16日", "11月1日");
    }

    @Test
    void givesTopicsFromTheTaxonomy() {
        Commitment space = analysis.commitments().stream().filter(c -> c.text().startsWith("推动两国在航天领域")).findFirst().orElseThrow();
        Commitment health = analysis.commitments().stream().filter(c -> c.text().startsWith("共同开展药品")).findFirst().orElseThrow();

        assertThat(space.topics()).contains("space");
        assertThat(health.topics()).contains("health");
    }
}

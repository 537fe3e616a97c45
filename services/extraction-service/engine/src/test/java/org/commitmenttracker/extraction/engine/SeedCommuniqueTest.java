package org.commitmenttracker.extraction.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The seed communiqué from ../shared/corpus: its 90 agreed bullets and 14 signed documents. */
class SeedCommuniqueTest {
    private static final Path CORPUS = Path.of(System.getProperty("corpus.dir", "../../../../shared/corpus"));

    @Test
    void findsEveryAgreedBulletAndTheSignedDocumentsApart() throws Exception {
        String text = Files.readString(CORPUS.resolve("zh-cn-ru-pm27-2022.txt"));
        CommuniqueAnalysis analysis = new CommuniqueAnalyzer().analyze(SourceDocument.of("doc-1", text));

        assertThat(analysis.commitments()).hasSize(90);
        assertThat(analysis.commitments().get(2).text()).isEqualTo("支持举办第七届中俄博览会。");
        assertThat(analysis.commitments().get(2).section()).isEqualTo(2);
        assertThat(analysis.signedInstruments()).hasSize(14);
        assertThat(analysis.commitments()).extracting(Commitment::id).doesNotHaveDuplicates();
    }
}

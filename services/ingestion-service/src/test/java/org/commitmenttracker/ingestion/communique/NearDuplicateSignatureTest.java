package org.commitmenttracker.ingestion.communique;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.commitmenttracker.ingestion.TestDocuments;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** What counts as the same communiqué: reposts and re-wraps of one text do, other texts (even of the same summit) do not. */
class NearDuplicateSignatureTest {
    private static final double THRESHOLD = 0.85;
    private static final String SEED = TestDocuments.seed();

    @Test
    void repostsOfTheSeedAreTheSameCommunique() {
        List<String> lines = SEED.lines().toList();
        Map<String, String> reposts = Map.of(
                "another header line", "人民网北京12月6日电 来源：新华网\n" + String.join("\n", lines.subList(1, lines.size())),
                "site chrome around it", "首页 > 时政 > 正文\n" + SEED + "\n责任编辑：王明\n分享到：微信 微博\n© 版权所有",
                "page markers removed", SEED.replaceAll("(?m)^— \\d+ —$", ""),
                "re-wrapped", SEED.replace("\n\n", "\n").replace("\n", ""),
                "full-width digits", SEED.replace("2022", "２０２２"));
        NearDuplicateSignature seed = NearDuplicateSignature.of(SEED);
        reposts.forEach((what, text) -> assertThat(seed.similarity(NearDuplicateSignature.of(text))).as(what)
                .isGreaterThanOrEqualTo(0.95));
    }

    @Test
    void partOfATextOrAnotherTextIsNotTheSameCommunique() {
        NearDuplicateSignature seed = NearDuplicateSignature.of(SEED);
        assertThat(seed.similarity(NearDuplicateSignature.of(SEED.substring(0, SEED.length() / 2)))).isLessThan(THRESHOLD);
        String otherYear = SEED.replaceAll("[一二三四五六七八九十]", "").replace("双方", "两国").replace("支持", "推动")
                .replace("合作", "协作").replace("加强", "深化").replace("继续", "持续");
        assertThat(seed.similarity(NearDuplicateSignature.of(otherYear))).as("the seed reworded").isLessThan(THRESHOLD);
    }

    @Test
    void nearDuplicatesShareABandKeyAndTooShortATextHasNoSignature() {
        NearDuplicateSignature seed = NearDuplicateSignature.of(SEED);
        NearDuplicateSignature repost = NearDuplicateSignature.of("转载自某网站\n" + SEED);
        assertThat(seed.bandKeys()).hasSize(NearDuplicateSignature.BANDS).containsAnyElementsOf(repost.bandKeys());
        assertThat(NearDuplicateSignature.of("联合公报\n——加强合作。")).isNull();
    }

    /** Every pair of different real communiqués stays below the threshold (the Quad's consecutive years included). */
    @Test
    void noTwoCommuniquesOfTheDevelopmentCorpusAreTheSame() throws IOException {
        Path corpus = TestDocuments.developmentCorpus();
        List<Path> texts;
        try (Stream<Path> files = Files.list(corpus)) {
            texts = files.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
        }
        List<NearDuplicateSignature> signatures = new ArrayList<>();
        for (Path text : texts) {
            signatures.add(NearDuplicateSignature.of(Files.readString(text)));
        }
        double highest = 0;
        for (int i = 0; i < texts.size(); i++) {
            for (int j = i + 1; j < texts.size(); j++) {
                double similarity = signatures.get(i).similarity(signatures.get(j));
                assertThat(similarity).as("%s ~ %s", texts.get(i).getFileName(), texts.get(j).getFileName())
                        .isLessThan(THRESHOLD);
                highest = Math.max(highest, similarity);
            }
        }
        Assumptions.assumeTrue(texts.size() > 1, "the corpus holds fewer than two texts");
        System.out.printf("highest similarity of two different corpus communiqués: %.2f%n", highest);
    }
}

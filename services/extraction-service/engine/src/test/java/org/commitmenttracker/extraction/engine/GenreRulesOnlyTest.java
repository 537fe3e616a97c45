package org.commitmenttracker.extraction.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The engine is written for the genre, not for the documents it is tested on: its main sources and resources
 * (lexicons, gazetteers) hold no phrase of any corpus text, that is no {@value #HAN_RUN} consecutive Chinese
 * characters and no {@value #WORD_RUN} consecutive words of an alphabetic script, compared after NFKC, in lower
 * case, whitespace ignored. The seed is checked always; the development corpus when it is present (see
 * {@link Corpus}). Generic cue phrases of the genre that are that long are listed, each with the reason, in
 * {@value #ALLOW_LIST}. Java sources are held to more: no {@value #JAVA_HAN_RUN} Chinese characters of the seed, as
 * Chinese cues belong in the lexicons.
 */
class GenreRulesOnlyTest {
    private static final int HAN_RUN = 12;
    private static final int WORD_RUN = 5;
    private static final int JAVA_HAN_RUN = 6;
    private static final Path MAIN_SOURCES = Path.of("src/main/java");
    private static final List<Path> MAIN = List.of(MAIN_SOURCES, Path.of("src/main/resources"));
    private static final String ALLOW_LIST = "/genre-phrase-allow-list.txt";
    private static final Pattern WORD = Pattern.compile("[\\p{IsLatin}\\p{IsCyrillic}\\p{Nd}]+");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}+");
    /** What separates entries of a lexicon or gazetteer: no phrase runs across it. */
    private static final Pattern ENTRY = Pattern.compile("[^|=\\t]+");
    private static final Pattern SPACE_IN_HAN = Pattern.compile("(?<=\\p{IsHan})\\s+(?=\\p{IsHan})");

    @Test
    void mainSourcesAndResourcesHoldNoPhraseOfTheSeed() throws IOException {
        assertThat(phrasesIn(MAIN, Phrases.of(List.of(Corpus.seedText()), HAN_RUN))).isEmpty();
    }

    @Test
    void javaSourcesHoldNoShortChinesePhraseOfTheSeed() throws IOException {
        assertThat(phrasesIn(List.of(MAIN_SOURCES), Phrases.of(List.of(Corpus.seedText()), JAVA_HAN_RUN))).isEmpty();
    }

    @Test
    void mainSourcesAndResourcesHoldNoPhraseOfTheDevelopmentCorpus() throws IOException {
        List<String> texts = new ArrayList<>();
        for (Path gold : Corpus.developmentGold()) {
            texts.add(Files.readString(gold.resolveSibling(gold.getFileName().toString().replace(".gold.json", ".txt"))));
        }

        assertThat(phrasesIn(MAIN, Phrases.of(texts, HAN_RUN))).isEmpty();
    }

    @Test
    void theCheckFindsPlantedPhrasesAndLetsAllowedOnesPass() {
        Phrases corpus = Phrases.of(List.of(Corpus.seedText(),
                "We will  hold the NEXT summit in Moscow in 2025 and welcome the Sides’ proposals.",
                "Стороны договорились провести следующее заседание в Москве."), HAN_RUN);
        Set<String> allowed = Set.of(normalise("and welcome the sides' proposals"));

        assertThat(corpus.foundIn("String cue = \"支持举办第七届中俄博览会，\";", allowed))
                .containsExactly("1: 支持举办第七届中俄博览会");
        assertThat(corpus.foundIn("String cue = \"支持举办第七届中俄\";", allowed)).isEmpty();
        assertThat(corpus.foundIn("cue=hold the next\n  summit in Moscow\n", allowed))
                .containsExactly("1: hold the next summit in moscow");
        assertThat(corpus.foundIn("# провести следующее заседание в Москве", allowed))
                .containsExactly("1: провести следующее заседание в москве");
        assertThat(corpus.foundIn("hold the next summit", allowed)).isEmpty();
        assertThat(Phrases.of(List.of(Corpus.seedText()), JAVA_HAN_RUN).foundIn("String cue = \"第七届中俄\";", allowed))
                .isEmpty();
        assertThat(Phrases.of(List.of(Corpus.seedText()), JAVA_HAN_RUN).foundIn("String cue = \"第七届中俄博\";", allowed))
                .containsExactly("1: 第七届中俄博");
        assertThat(corpus.foundIn("in 2025 and welcome the Sides' proposals", allowed))
                .containsExactly("1: in 2025 and welcome the sides");
        assertThat(corpus.foundIn("cue = hold the next|summit in Moscow", allowed)).isEmpty();
    }

    @Test
    void everyAllowedPhraseIsLongEnoughToNeedItAndSaysWhy() {
        for (String line : allowListLines()) {
            String[] phraseAndWhy = line.split("\\s+#\\s+", 2);
            assertThat(phraseAndWhy).as("'%s': phrase # why", line).hasSize(2);
            assertThat(phraseAndWhy[1]).as(line).isNotBlank();
            String phrase = normalise(phraseAndWhy[0]);
            assertThat(words(phrase).size() >= WORD_RUN || longestHanRun(phrase) >= HAN_RUN)
                    .as("'%s' is shorter than the check's phrases", phraseAndWhy[0]).isTrue();
        }
    }

    private static List<String> phrasesIn(List<Path> roots, Phrases corpus) throws IOException {
        Set<String> allowed = allowedPhrases();
        List<String> found = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    corpus.foundIn(readText(file), allowed).forEach(phrase -> found.add(file + ":" + phrase));
                }
            }
        }
        return found;
    }

    private static String readText(Path file) throws IOException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException binary) {
            return "";
        }
    }

    private static Set<String> allowedPhrases() {
        Set<String> allowed = new HashSet<>();
        for (String line : allowListLines()) {
            allowed.add(normalise(line.split("\\s+#\\s+", 2)[0]));
        }
        return allowed;
    }

    private static List<String> allowListLines() {
        try (InputStream in = GenreRulesOnlyTest.class.getResourceAsStream(ALLOW_LIST)) {
            assertThat(in).as(ALLOW_LIST + " on the test class path").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** NFKC, lower case, one kind of apostrophe, whitespace collapsed. */
    static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replace('’', '\'')
                .replaceAll("\\s+", " ");
    }

    private static List<String> words(String normalised) {
        List<String> words = new ArrayList<>();
        Matcher word = WORD.matcher(normalised);
        while (word.find()) {
            words.add(word.group());
        }
        return words;
    }

    private static int longestHanRun(String normalised) {
        return HAN.matcher(normalised).results().mapToInt(r -> r.end() - r.start()).max().orElse(0);
    }

    /** Every window of {@code hanRun} Chinese characters and of {@value #WORD_RUN} words of a set of corpus texts. */
    static final class Phrases {
        private final int hanRun;
        private final Set<String> hanWindows = new HashSet<>();
        private final Set<String> wordWindows = new HashSet<>();

        private Phrases(int hanRun) {
            this.hanRun = hanRun;
        }

        static Phrases of(Collection<String> texts, int hanRun) {
            Phrases phrases = new Phrases(hanRun);
            for (String text : texts) {
                // A corpus text may wrap a Chinese sentence anywhere: its line breaks are no phrase boundary.
                String normalised = SPACE_IN_HAN.matcher(normalise(text)).replaceAll("");
                Matcher run = HAN.matcher(normalised);
                while (run.find()) {
                    for (int start = run.start(); start + hanRun <= run.end(); start++) {
                        phrases.hanWindows.add(normalised.substring(start, start + hanRun));
                    }
                }
                for (String entry : ENTRY.matcher(normalised).results().map(MatchResult::group).toList()) {
                    List<String> words = words(entry);
                    for (int start = 0; start + WORD_RUN <= words.size(); start++) {
                        phrases.wordWindows.add(String.join(" ", words.subList(start, start + WORD_RUN)));
                    }
                }
            }
            return phrases;
        }

        /**
         * The corpus phrases in {@code content} that no allowed phrase contains, as {@code LINE: phrase}, windows
         * that overlap merged into one phrase. Whitespace in {@code content} separates Chinese phrases (entries
         * of a lexicon) and is ignored between words.
         */
        List<String> foundIn(String content, Set<String> allowed) {
            String text = Normalizer.normalize(content, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replace('’', '\'');
            List<String> found = new ArrayList<>();
            Matcher run = HAN.matcher(text);
            while (run.find()) {
                int stretchStart = -1;
                int stretchEnd = -1;
                for (int start = run.start(); start + hanRun <= run.end(); start++) {
                    String window = text.substring(start, start + hanRun);
                    if (!hanWindows.contains(window) || allowed.stream().anyMatch(a -> a.contains(window))) {
                        continue;
                    }
                    if (start > stretchEnd) {
                        addStretch(found, text, stretchStart, stretchEnd);
                        stretchStart = start;
                    }
                    stretchEnd = start + hanRun;
                }
                addStretch(found, text, stretchStart, stretchEnd);
            }
            Matcher entry = ENTRY.matcher(text);
            while (entry.find()) {
                wordsFoundIn(text, WORD.matcher(text).region(entry.start(), entry.end()).results().toList(), allowed, found);
            }
            return found;
        }

        private void wordsFoundIn(String text, List<MatchResult> words, Set<String> allowed, List<String> found) {
            int stretchStart = -1;
            int stretchEnd = -1;
            for (int start = 0; start + WORD_RUN <= words.size(); start++) {
                String window = String.join(" ", words.subList(start, start + WORD_RUN).stream().map(MatchResult::group).toList());
                if (!wordWindows.contains(window) || allowed.stream().anyMatch(a -> (" " + String.join(" ", words(a)) + " ")
                        .contains(" " + window + " "))) {
                    continue;
                }
                if (stretchStart >= 0 && start > stretchEnd) {
                    addWords(found, text, words, stretchStart, stretchEnd);
                    stretchStart = -1;
                }
                stretchStart = stretchStart < 0 ? start : stretchStart;
                stretchEnd = start + WORD_RUN;
            }
            if (stretchStart >= 0) {
                addWords(found, text, words, stretchStart, stretchEnd);
            }
        }

        private static void addStretch(List<String> found, String text, int start, int end) {
            if (start >= 0) {
                found.add(line(text, start) + ": " + text.substring(start, end));
            }
        }

        private static void addWords(List<String> found, String text, List<MatchResult> words, int from, int to) {
            String phrase = String.join(" ", words.subList(from, to).stream().map(MatchResult::group).toList());
            found.add(line(text, words.get(from).start()) + ": " + phrase);
        }

        private static int line(String text, int at) {
            return 1 + (int) text.substring(0, at).chars().filter(c -> c == '\n').count();
        }
    }
}

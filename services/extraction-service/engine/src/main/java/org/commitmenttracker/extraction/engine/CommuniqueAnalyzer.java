package org.commitmenttracker.extraction.engine;

import java.util.List;
import java.util.Optional;

import org.commitmenttracker.extraction.engine.commitments.CommitmentExtractor;
import org.commitmenttracker.extraction.engine.gazetteer.Countries;
import org.commitmenttracker.extraction.engine.gazetteer.Organisations;
import org.commitmenttracker.extraction.engine.language.LanguageProfile;
import org.commitmenttracker.extraction.engine.language.LanguageProfiles;
import org.commitmenttracker.extraction.engine.metadata.MetadataReader;
import org.commitmenttracker.extraction.engine.structure.DocumentStructure;
import org.commitmenttracker.extraction.engine.structure.StructureParser;
import org.commitmenttracker.extraction.engine.text.ParagraphRecovery;

/**
 * The engine's entry point: raw communiqué text in, metadata, commitments and signed instruments out.
 * Stages: clean-up and paragraph recovery ({@code text}), parts and lists ({@code structure}), metadata,
 * commitments with their references ({@code commitments}), all driven by the document language's
 * {@link LanguageProfile}. Thread-safe: the profiles and gazetteers are read once and never change.
 */
public final class CommuniqueAnalyzer {
    public static final String VERSION = "1.10.0";

    private static final class Resources {
        static final Countries COUNTRIES = Countries.load("gazetteer/countries.tsv");
        static final Organisations ORGANISATIONS = Organisations.load("gazetteer/organisations.tsv");
        static final LanguageProfiles PROFILES = LanguageProfiles.standard(COUNTRIES);
    }

    /** A text's language ("zh", "en", "ru") and script ("Hans", "Hant", "Latn", "Cyrl"). */
    public record Detected(String language, String script) {
    }

    /** The language and script a text is written in, by its characters. */
    public static Detected detect(String text) {
        String clean = text == null ? "" : text;
        return new Detected(LanguageProfiles.detect(clean), Resources.PROFILES.script(clean));
    }

    public CommuniqueAnalysis analyze(SourceDocument source) {
        String language = language(source);
        Optional<LanguageProfile> profile = Resources.PROFILES.forCode(language);
        if (profile.isEmpty()) {
            return new CommuniqueAnalysis(unknownLanguage(source, language), List.of(), List.of());
        }
        DocumentStructure structure = structure(source, profile.get());
        MetadataReader reader = new MetadataReader(profile.get(), Resources.COUNTRIES, Resources.ORGANISATIONS);
        DocumentMetadata metadata = reader.read(source, structure);
        // What a news repost says above the document's own title (its lead) is not the document's text.
        DocumentStructure document = structure.from(reader.titleBelowRepostLines(structure) + 1);
        CommitmentExtractor.Extraction extraction = new CommitmentExtractor(profile.get(), Resources.ORGANISATIONS)
                .extract(source.documentId(), document, metadata.parties(), metadata.date());
        return new CommuniqueAnalysis(metadata, extraction.commitments(), extraction.signedInstruments());
    }

    /** The document's metadata alone (title, date, parties, signatories, meeting), without finding commitments. */
    public DocumentMetadata readMetadata(SourceDocument source) {
        String language = language(source);
        Optional<LanguageProfile> profile = Resources.PROFILES.forCode(language);
        return profile.isEmpty() ? unknownLanguage(source, language)
                : new MetadataReader(profile.get(), Resources.COUNTRIES, Resources.ORGANISATIONS).read(source, structure(source, profile.get()));
    }

    private static String language(SourceDocument source) {
        String given = LanguageProfiles.normalise(source.language());
        return given != null ? given : LanguageProfiles.detect(source.text());
    }

    /** A language without a profile yet: say what is known rather than guess with another language's cues. */
    private static DocumentMetadata unknownLanguage(SourceDocument source, String language) {
        return new DocumentMetadata(source.title(), language, source.publicationDate(), List.of(), List.of(), null);
    }

    private static DocumentStructure structure(SourceDocument source, LanguageProfile profile) {
        return new StructureParser(profile).parse(new ParagraphRecovery(profile).recover(source.text()));
    }
}

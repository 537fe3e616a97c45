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
    public static final String VERSION = "1.2.0";

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
        String given = LanguageProfiles.normalise(source.language());
        String language = given != null ? given : LanguageProfiles.detect(source.text());
        Optional<LanguageProfile> profile = Resources.PROFILES.forCode(language);
        if (profile.isEmpty()) {
            // A language without a profile yet: say what is known rather than guess with another language's cues.
            DocumentMetadata known = new DocumentMetadata(source.title(), language, source.publicationDate(), List.of(),
                    List.of(), null);
            return new CommuniqueAnalysis(known, List.of(), List.of());
        }
        return analyze(source, profile.get());
    }

    private static CommuniqueAnalysis analyze(SourceDocument source, LanguageProfile profile) {
        DocumentStructure structure = new StructureParser(profile).parse(new ParagraphRecovery(profile).recover(source.text()));
        DocumentMetadata metadata = new MetadataReader(profile, Resources.COUNTRIES).read(source, structure);
        CommitmentExtractor.Extraction extraction = new CommitmentExtractor(profile, Resources.ORGANISATIONS)
                .extract(source.documentId(), structure, metadata.parties(), metadata.date());
        return new CommuniqueAnalysis(metadata, extraction.commitments(), extraction.signedInstruments());
    }
}

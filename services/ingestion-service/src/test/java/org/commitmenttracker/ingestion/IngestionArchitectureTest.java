package org.commitmenttracker.ingestion;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;

import java.util.regex.Pattern;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.commitmenttracker.ingestion.communique.ContentFingerprint;
import org.commitmenttracker.ingestion.communique.NearDuplicateSignature;
import org.commitmenttracker.testsupport.FeatureModuleTests;
import org.commitmenttracker.testsupport.ModuleBoundaries;
import org.junit.jupiter.api.Test;

/**
 * The ingestion service's module boundaries (docs/architecture.md). Its core is the text decoding of
 * docs/ingestion.md and the near-duplicate signature; the PDF and DOCX readers and {@code TextExtractor}
 * read spooled files and are adapters.
 */
class IngestionArchitectureTest extends FeatureModuleTests {
    private static final String BASE = "org.commitmenttracker.ingestion";
    private static final JavaClasses MAIN = ModuleBoundaries.mainClasses(BASE);
    /** By name: some of these classes are package-private (nested classes included). */
    private static final Pattern TEXT_DECODING = Pattern.compile(Pattern.quote(BASE + ".text.")
            + "(CharsetDetector|UnicodeText|HtmlText|DecodedText|ExtractedText|DocumentKind)(\\$.*)?");

    IngestionArchitectureTest() {
        super(BASE, MAIN);
    }

    @Test
    void textDecodingAndSignaturesUseNeitherSpringNorIo() {
        DescribedPredicate<JavaClass> textDecoding = DescribedPredicate.describe("text decoding",
                javaClass -> TEXT_DECODING.matcher(javaClass.getName()).matches());
        ModuleBoundaries.coreFreeOfSpringAndIo(textDecoding
                .or(belongToAnyOf(ContentFingerprint.class, NearDuplicateSignature.class))
                .as("text decoding and near-duplicate signatures")).check(MAIN);
    }
}

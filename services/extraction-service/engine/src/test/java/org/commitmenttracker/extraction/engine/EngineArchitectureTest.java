package org.commitmenttracker.extraction.engine;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameStartingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.FileReader;
import java.io.FileWriter;
import java.io.RandomAccessFile;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.commitmenttracker.extraction.engine.language.Lexicon;
import org.commitmenttracker.extraction.engine.text.ParagraphRecovery;
import org.junit.jupiter.api.Test;

/**
 * The engine's module boundaries (docs/architecture.md): a plain Java library (docs/extraction.md). Its own
 * rules rather than the services' {@code ModuleBoundaries}, whose module (test-support) brings brokers and
 * stores the engine has no business with.
 */
class EngineArchitectureTest {
    private static final String BASE = "org.commitmenttracker.extraction.engine";
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages(BASE);

    /**
     * Three known cycles are left out edge by edge, so that any other cycle still fails: {@code gazetteer -> language
     * -> gazetteer} (the gazetteers read their names from a {@code Lexicon}, which lives in {@code language}, whose
     * profiles hold the gazetteers) and {@code text -> language -> text} ({@code ParagraphRecovery} reads a
     * {@code LanguageProfile}, whose lexicons use {@code text.Characters}) and {@code cli -> scoring -> cli}
     * ({@code LineageCommand} reads gold files with {@code scoring.GoldCommitments}, {@code LineageScorer} links
     * with {@code LineageCommand}). Breaking them moves {@code Lexicon} down, {@code ParagraphRecovery} up and the
     * gold reading out of {@code scoring} (issue #23); until then they are named here rather than hidden.
     */
    @Test
    void packagesDependOnEachOtherWithoutCycles() {
        slices().matching(BASE + ".(*)..").namingSlices("package $1").should().beFreeOfCycles()
                .ignoreDependency(resideInAPackage(BASE + ".gazetteer.."), nameStartingWith(Lexicon.class.getName()))
                .ignoreDependency(nameStartingWith(ParagraphRecovery.class.getName()), resideInAPackage(BASE + ".language.."))
                .ignoreDependency(resideInAPackage(BASE + ".scoring.."), resideInAPackage(BASE + ".cli.."))
                .check(MAIN);
    }

    @Test
    void noClassUsesSpringNetworkDatabaseOrBroker() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..",
                "java.net..", "java.sql..", "javax.sql..", "com.mongodb..", "org.bson..", "org.apache.kafka..")
                .because("the engine is plain Java: text in, analysis out (docs/extraction.md)").check(MAIN);
    }

    @Test
    void onlyTheCommandLineToolsReadFiles() {
        noClasses().that().resideOutsideOfPackages(BASE + ".cli..", BASE + ".scoring..")
                .should().dependOnClassesThat(resideInAnyPackage("java.nio.file..", "java.nio.channels..")
                        .or(belongToAnyOf(File.class,
                                FileInputStream.class, FileOutputStream.class, FileReader.class, FileWriter.class,
                                RandomAccessFile.class)).as("files"))
                .because("analysis takes text, the command line and the scorers read it from files").check(MAIN);
    }
}

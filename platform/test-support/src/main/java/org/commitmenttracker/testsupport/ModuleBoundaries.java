package org.commitmenttracker.testsupport;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.FileReader;
import java.io.FileWriter;
import java.io.RandomAccessFile;
import java.util.Arrays;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The module-boundary rules every service checks in its {@code *ArchitectureTest} (docs/architecture.md):
 * packages by feature, no cycles between a module's feature packages, a domain core without Spring or I/O.
 */
public final class ModuleBoundaries {
    /** Layer names: a module packaged by feature has no package named after a technical layer. */
    private static final String[] LAYER_PACKAGES = {"..controller..", "..controllers..", "..service..",
            "..services..", "..repository..", "..repositories..", "..dto..", "..model..", "..entity..",
            "..config..", "..configuration..", "..util..", "..utils..", "..impl..", "..helpers.."};

    /** Spring, and what reaches a network, a database, a broker or a file. */
    public static final DescribedPredicate<JavaClass> SPRING_OR_IO = resideInAnyPackage("org.springframework..",
            "jakarta.servlet..", "jakarta.mail..", "java.net..", "java.sql..", "javax.sql..", "com.mongodb..",
            "org.bson..", "org.apache.kafka..", "org.apache.hc..", "java.nio.file..", "java.nio.channels..")
            .or(belongToAnyOf(File.class, FileInputStream.class, FileOutputStream.class, FileReader.class,
                    FileWriter.class, RandomAccessFile.class))
            .as("Spring or I/O (network, database, broker, files)");

    private ModuleBoundaries() {
    }

    /**
     * The module's own main classes under {@code basePackage}: dependencies and tests left out, and so is
     * any package of {@code basePackage} another module owns (the extraction service's engine).
     */
    public static JavaClasses mainClasses(String basePackage, String... otherModulesPackages) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .withImportOption(location -> Arrays.stream(otherModulesPackages)
                        .noneMatch(other -> location.contains("/" + other.replace('.', '/') + "/")))
                .importPackages(basePackage);
    }

    /** No package of the module is named after a technical layer (controller, service, repository, …). */
    public static ArchRule packagesByFeature(String basePackage) {
        return classes().that().resideInAPackage(basePackage + "..")
                .should().resideOutsideOfPackages(LAYER_PACKAGES)
                .because("packages are by feature (docs/architecture.md)");
    }

    /** The feature packages directly under {@code basePackage} (and what they hold) depend on each other without a cycle. */
    public static ArchRule featuresFreeOfCycles(String basePackage) {
        return slices().matching(basePackage + ".(*)..").namingSlices("feature $1")
                .should().beFreeOfCycles()
                .because("a feature may use another, never in a circle (docs/architecture.md)");
    }

    /** The classes of the domain core use neither Spring nor I/O: adapters around them do. */
    public static ArchRule coreFreeOfSpringAndIo(DescribedPredicate<JavaClass> core) {
        return noClasses().that(core).should().dependOnClassesThat(SPRING_OR_IO)
                .because("the domain core is plain Java; adapters bring Spring and I/O (docs/architecture.md)");
    }
}

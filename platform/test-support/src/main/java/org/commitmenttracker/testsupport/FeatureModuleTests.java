package org.commitmenttracker.testsupport;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/**
 * The two boundary tests every service's {@code *ArchitectureTest} runs (docs/architecture.md): packages by feature
 * and no cycle between feature packages. A service's test extends this with its base package and main classes
 * (imported once, into a constant: JUnit makes an instance per test) and adds its own domain-core rule.
 */
public abstract class FeatureModuleTests {
    private final String basePackage;
    private final JavaClasses mainClasses;

    protected FeatureModuleTests(String basePackage, JavaClasses mainClasses) {
        this.basePackage = basePackage;
        this.mainClasses = mainClasses;
    }

    @Test
    void packagesAreByFeature() {
        ModuleBoundaries.packagesByFeature(basePackage).check(mainClasses);
    }

    @Test
    void featuresDependOnEachOtherWithoutCycles() {
        ModuleBoundaries.featuresFreeOfCycles(basePackage).check(mainClasses);
    }
}

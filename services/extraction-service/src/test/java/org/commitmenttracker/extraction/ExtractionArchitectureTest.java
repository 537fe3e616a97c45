package org.commitmenttracker.extraction;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.commitmenttracker.testsupport.FeatureModuleTests;
import org.commitmenttracker.testsupport.ModuleBoundaries;

/**
 * The extraction service's module boundaries (docs/architecture.md). Its domain core is the engine, a module of
 * its own checked by {@code EngineArchitectureTest}; the service's packages are adapters around it.
 */
class ExtractionArchitectureTest extends FeatureModuleTests {
    private static final String BASE = "org.commitmenttracker.extraction";
    private static final JavaClasses MAIN = ModuleBoundaries.mainClasses(BASE, BASE + ".engine");

    ExtractionArchitectureTest() {
        super(BASE, MAIN);
    }
}

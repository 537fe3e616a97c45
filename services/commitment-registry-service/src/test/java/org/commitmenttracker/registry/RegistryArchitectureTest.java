package org.commitmenttracker.registry;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.commitmenttracker.registry.compliance.AssessmentCut;
import org.commitmenttracker.registry.compliance.ComplianceGroup;
import org.commitmenttracker.registry.compliance.CompliancePeriod;
import org.commitmenttracker.registry.compliance.StatusAt;
import org.commitmenttracker.registry.lineage.LineageChains;
import org.commitmenttracker.registry.lineage.LineageFacts;
import org.commitmenttracker.registry.lineage.LineageFilter;
import org.commitmenttracker.registry.report.ComplianceReport;
import org.commitmenttracker.registry.report.ReportHtml;
import org.commitmenttracker.registry.report.ReportText;
import org.commitmenttracker.testsupport.FeatureModuleTests;
import org.commitmenttracker.testsupport.ModuleBoundaries;
import org.junit.jupiter.api.Test;

/** The registry's module boundaries (docs/architecture.md; the core as docs/registry.md names it). */
class RegistryArchitectureTest extends FeatureModuleTests {
    private static final String BASE = "org.commitmenttracker.registry";
    private static final JavaClasses MAIN = ModuleBoundaries.mainClasses(BASE);

    RegistryArchitectureTest() {
        super(BASE, MAIN);
    }

    @Test
    void lifecycleComplianceAndLineageCoreUseNeitherSpringNorIo() {
        ModuleBoundaries.coreFreeOfSpringAndIo(resideInAPackage(BASE + ".lifecycle..")
                .or(belongToAnyOf(CompliancePeriod.class, AssessmentCut.class, StatusAt.class, ComplianceGroup.class,
                        ComplianceReport.class, ReportHtml.class, ReportText.class, LineageChains.class,
                        LineageFacts.class, LineageFilter.class))
                .as("lifecycle, the compliance core and the lineage facts")).check(MAIN);
    }
}

package org.commitmenttracker.notification;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.commitmenttracker.notification.email.EmailLinks;
import org.commitmenttracker.notification.email.MailComposer;
import org.commitmenttracker.notification.limits.FixedWindow;
import org.commitmenttracker.testsupport.FeatureModuleTests;
import org.commitmenttracker.testsupport.ModuleBoundaries;
import org.junit.jupiter.api.Test;

/** The notification service's module boundaries (docs/architecture.md, the core as docs/notification.md tables it). */
class NotificationArchitectureTest extends FeatureModuleTests {
    private static final String BASE = "org.commitmenttracker.notification";
    private static final JavaClasses MAIN = ModuleBoundaries.mainClasses(BASE);

    NotificationArchitectureTest() {
        super(BASE, MAIN);
    }

    @Test
    void matchingNoiseAndTheMailTextUseNeitherSpringNorIo() {
        ModuleBoundaries.coreFreeOfSpringAndIo(resideInAnyPackage(BASE + ".matching..", BASE + ".noise..")
                .or(belongToAnyOf(MailComposer.class, EmailLinks.class, FixedWindow.class))
                .as("matching, noise, MailComposer, EmailLinks, FixedWindow")).check(MAIN);
    }
}

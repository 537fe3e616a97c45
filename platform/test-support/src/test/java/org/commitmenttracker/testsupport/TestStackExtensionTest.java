package org.commitmenttracker.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

import org.junit.jupiter.api.Test;

class TestStackExtensionTest {
    @Retention(RetentionPolicy.RUNTIME)
    @UsesTestStack(database = "module-it")
    @interface ModuleIT {
    }

    @UsesTestStack(database = "direct-it")
    static class Direct {
    }

    @ModuleIT
    static class Composed {
    }

    static class Subclass extends Direct {
    }

    @Test
    void aClassGetsTheDatabaseItNamesDirectlyThroughAComposedAnnotationOrFromItsSuperclass() {
        assertThat(TestStackExtension.databaseOf(Direct.class)).isEqualTo("direct-it");
        assertThat(TestStackExtension.databaseOf(Composed.class)).isEqualTo("module-it");
        assertThat(TestStackExtension.databaseOf(Subclass.class)).isEqualTo("direct-it");
    }
}

package org.commitmenttracker.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/** The test class runs against the shared broker and store of this test JVM (see {@link TestStack}). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(TestStackExtension.class)
public @interface UsesTestStack {
    /** The MongoDB database the code under test uses. */
    String database();
}

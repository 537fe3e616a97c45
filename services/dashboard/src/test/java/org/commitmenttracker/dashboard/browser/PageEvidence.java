package org.commitmenttracker.dashboard.browser;

import java.util.function.Supplier;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Saves the page a test ended on (a screenshot and its DOM, {@link Browser#saveEvidence}) when the test fails, and
 * with {@code -Ddashboard.screenshots=all} after each passing test too, if the class asks for that (to review the
 * pages). The browser is a supplier because a class opens it in its {@code @BeforeAll}.
 *
 * @param prefix                  start of the files' names, before the test method's name
 * @param ofPassingTestsWhenAsked whether {@code -Ddashboard.screenshots=all} saves passing tests' pages too (as
 *                                {@code passed-<prefix><method>})
 * @param browser                 the class's browser, null before it is open
 */
record PageEvidence(String prefix, boolean ofPassingTestsWhenAsked, Supplier<Browser> browser) implements TestWatcher {

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        save(prefix + context.getRequiredTestMethod().getName());
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        if (ofPassingTestsWhenAsked && "all".equals(System.getProperty("dashboard.screenshots"))) {
            save("passed-" + prefix + context.getRequiredTestMethod().getName());
        }
    }

    private void save(String name) {
        Browser open = browser.get();
        if (open != null) {
            open.saveEvidence(name);
        }
    }
}

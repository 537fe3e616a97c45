package org.commitmenttracker.service.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Well-formed text: no unpaired UTF-16 surrogate (not Unicode: it cannot be stored or sent on as UTF-8) and
 * no NUL character. Every string of every request body is checked while the body is read ({@link #module()},
 * registered for all services), so anything else is the client's error (400) before a field reaches the
 * store; text that arrives otherwise (an upload, an event) is checked with {@link #problem}.
 */
public final class WellFormedText {

    private WellFormedText() {
    }

    /** The Jackson module that checks every string a request body binds. */
    public static SimpleModule module() {
        return new SimpleModule("well-formed-strings").addDeserializer(String.class, new Checked());
    }

    /** The index of the first unpaired surrogate or NUL in {@code text}, or -1 when it is well-formed. */
    public static int firstInvalidIndex(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return i;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** Why {@code text} is not well-formed, or null when it is. */
    public static String problem(String text) {
        int invalid = text == null ? -1 : firstInvalidIndex(text);
        if (invalid < 0) {
            return null;
        }
        return (text.charAt(invalid) == '\0' ? "a NUL character" : "an unpaired UTF-16 surrogate (not Unicode)")
                + " at character " + invalid;
    }

    /** Jackson's own string reading, then the check (not marked as Jackson's: collections of strings use it too). */
    static final class Checked extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String value = super.deserialize(parser, context);
            String problem = problem(value);
            if (problem != null) {
                return context.reportInputMismatch(String.class, "A string contains " + problem + ".");
            }
            return value;
        }
    }
}

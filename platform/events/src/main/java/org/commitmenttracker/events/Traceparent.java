package org.commitmenttracker.events;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** W3C Trace Context {@code traceparent} values, carried in every envelope so one upload can be followed. */
public final class Traceparent {
    private Traceparent() {
    }

    public static String newRoot() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        byte[] traceId = new byte[16];
        byte[] spanId = new byte[8];
        random.nextBytes(traceId);
        random.nextBytes(spanId);
        return "00-" + HexFormat.of().formatHex(traceId) + "-" + HexFormat.of().formatHex(spanId) + "-01";
    }

    /**
     * Whether {@code value} is a version-00 {@code traceparent} (55 characters). Anything else that arrives with an
     * event or a request is not carried on: it reaches stored events and their records, so a megabyte "trace" would
     * make them too large to store or send.
     */
    public static boolean isValid(String value) {
        return value != null && value.length() == 55 && value.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    }

    /** A child span of {@code parent} in the same trace; a new root when the parent is absent or malformed. */
    public static String childOf(String parent) {
        if (!isValid(parent)) {
            return newRoot();
        }
        byte[] spanId = new byte[8];
        ThreadLocalRandom.current().nextBytes(spanId);
        return parent.substring(0, 36) + HexFormat.of().formatHex(spanId) + parent.substring(52);
    }
}

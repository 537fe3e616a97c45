package org.commitmenttracker.service.trace;

import org.commitmenttracker.events.Traceparent;
import org.slf4j.MDC;

/**
 * The W3C trace the current thread works for, kept in the logging context (MDC) so that every log line
 * names it ({@code trace.id}, {@code span.id}: the ECS field names) and every event published from it
 * continues it. An HTTP request opens one from its {@code traceparent} header ({@link TraceContextFilter}),
 * a consumer from the consumed event's envelope.
 */
public final class TraceContext {
    public static final String TRACE_ID = "trace.id";
    public static final String SPAN_ID = "span.id";
    private static final String TRACEPARENT = "traceparent";

    private TraceContext() {
    }

    /** Opens a child span of {@code parent} (a new trace when it is absent or malformed) on this thread. */
    public static Scope continueFrom(String parent) {
        String previous = MDC.get(TRACEPARENT);
        String traceparent = Traceparent.childOf(parent);
        put(traceparent);
        return new Scope(traceparent, previous);
    }

    /** The current span's {@code traceparent}, or null outside any request or consumed event. */
    public static String current() {
        return MDC.get(TRACEPARENT);
    }

    /** The {@code traceparent} for an event published now: a child of the current span, or a new trace. */
    public static String forNewEvent() {
        return Traceparent.childOf(current());
    }

    private static void put(String traceparent) {
        MDC.put(TRACEPARENT, traceparent);
        MDC.put(TRACE_ID, traceparent.substring(3, 35));
        MDC.put(SPAN_ID, traceparent.substring(36, 52));
    }

    /** Restores the enclosing span (or none) when closed. */
    public static final class Scope implements AutoCloseable {
        private final String traceparent;
        private final String previous;

        private Scope(String traceparent, String previous) {
            this.traceparent = traceparent;
            this.previous = previous;
        }

        public String traceparent() {
            return traceparent;
        }

        @Override
        public void close() {
            if (previous != null) {
                put(previous);
            } else {
                MDC.remove(TRACEPARENT);
                MDC.remove(TRACE_ID);
                MDC.remove(SPAN_ID);
            }
        }
    }
}

package org.commitmenttracker.service.trace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class TraceContextTest {
    private static final String CALLER = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void aScopeContinuesTheCallersTraceInTheLoggingContextAndRemovesItWhenClosed() {
        try (TraceContext.Scope scope = TraceContext.continueFrom(CALLER)) {
            assertThat(scope.traceparent()).startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-").endsWith("-01")
                    .isNotEqualTo(CALLER);
            assertThat(TraceContext.current()).isEqualTo(scope.traceparent());
            assertThat(MDC.get(TraceContext.TRACE_ID)).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
            assertThat(MDC.get(TraceContext.SPAN_ID)).isEqualTo(scope.traceparent().substring(36, 52));
            assertThat(TraceContext.forNewEvent()).startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-")
                    .isNotEqualTo(scope.traceparent());
        }
        assertThat(TraceContext.current()).isNull();
        assertThat(MDC.get(TraceContext.TRACE_ID)).isNull();
        assertThat(MDC.get(TraceContext.SPAN_ID)).isNull();
    }

    @Test
    void aNestedScopeRestoresTheEnclosingSpan() {
        try (TraceContext.Scope outer = TraceContext.continueFrom(CALLER)) {
            try (TraceContext.Scope inner = TraceContext.continueFrom(null)) {
                assertThat(inner.traceparent()).doesNotStartWith("00-4bf92f3577b34da6a3ce929d0e0e4736-");
            }
            assertThat(TraceContext.current()).isEqualTo(outer.traceparent());
            assertThat(MDC.get(TraceContext.SPAN_ID)).isEqualTo(outer.traceparent().substring(36, 52));
        }
    }

    @Test
    void aMalformedParentStartsANewTrace() {
        try (TraceContext.Scope scope = TraceContext.continueFrom("00-not-a-trace")) {
            assertThat(scope.traceparent()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        }
        assertThat(TraceContext.forNewEvent()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    }
}

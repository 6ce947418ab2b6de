package dev.kassa.platform.events;

import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;

import java.util.function.Supplier;

/** The W3C {@code traceparent} of the current span, kept with an outbox row so the trace crosses Kafka. */
final class TraceParents implements Supplier<String> {

    private final Tracer tracer;

    TraceParents(Tracer tracer) {
        this.tracer = tracer;
    }

    @Override
    public String get() {
        TraceContext context = tracer.currentTraceContext().context();
        if (context == null
                || context.traceId().length() != 32
                || context.spanId().length() != 16) {
            return null;
        }
        return "00-" + context.traceId() + "-" + context.spanId()
                + (Boolean.TRUE.equals(context.sampled()) ? "-01" : "-00");
    }
}

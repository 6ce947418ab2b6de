package dev.kassa.platform.testapp;

import dev.kassa.platform.events.OutboxPublisher;
import dev.kassa.platform.events.Topics;
import dev.kassa.platform.test.KassaIntegrationTest;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One trace from the change to its consumers: the outbox keeps the traceparent of the request that wrote the event, the
 * relay sends it as a Kafka header, and a consumer's span (and its log lines, through the MDC) continues that trace.
 */
@KassaIntegrationTest
@AutoConfigureObservability
@Import(TracesAndMetricsTests.Listener.class)
@TestPropertySource(
        properties = {"spring.application.name=platform-trace-test", "management.tracing.sampling.probability=1.0"})
class TracesAndMetricsTests {

    /** What a consumer of the task topic saw: the trace id in its MDC and the traceparent header, per marker. */
    @TestConfiguration
    static class Listener {
        final Map<String, String> mdcTraceIds = new ConcurrentHashMap<>();
        final Map<String, String> headers = new ConcurrentHashMap<>();

        @KafkaListener(topics = Topics.TASK, groupId = "platform-trace-test-listener")
        void on(ConsumerRecord<String, String> record) {
            var header = record.headers().lastHeader("traceparent");
            String marker = record.value().replaceAll("(?s).*\"marker\":\"([^\"]*)\".*", "$1");
            headers.put(marker, header == null ? "" : new String(header.value(), StandardCharsets.US_ASCII));
            String traceId = MDC.get("traceId");
            mdcTraceIds.put(marker, traceId == null ? "" : traceId);
        }
    }

    @Autowired
    OutboxPublisher outbox;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    Tracer tracer;

    @Autowired
    Listener listener;

    @Test
    void aConsumerContinuesTheTraceOfTheChangeThatPublishedTheEventAndLogsItsId() {
        String marker = UUID.randomUUID().toString();
        Span span = tracer.nextSpan().name("checkout").start();
        String traceId;
        try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
            traceId = span.context().traceId();
            new TransactionTemplate(transactionManager)
                    .executeWithoutResult(s -> outbox.publish("trace_0000000f", new Probe(marker)));
        } finally {
            span.end();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> listener.mdcTraceIds.containsKey(marker));
        assertThat(listener.headers.get(marker)).startsWith("00-" + traceId + "-");
        assertThat(listener.mdcTraceIds.get(marker)).isEqualTo(traceId);
    }

    @Test
    void anEventWithoutATraceStillArrivesAndItsConsumerGetsATraceOfItsOwn() {
        String marker = UUID.randomUUID().toString();
        new TransactionTemplate(transactionManager)
                .executeWithoutResult(s -> outbox.publish("trace_0000000f", new Probe(marker)));

        await().atMost(Duration.ofSeconds(30)).until(() -> listener.mdcTraceIds.containsKey(marker));
        assertThat(listener.mdcTraceIds.get(marker)).hasSize(32);
    }
}

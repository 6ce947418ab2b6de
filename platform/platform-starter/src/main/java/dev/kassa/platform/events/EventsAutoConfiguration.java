package dev.kassa.platform.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.platform.config.PlatformMigrations;
import dev.kassa.platform.tenancy.ServiceSchemaDataSource;
import dev.kassa.platform.tenancy.TenancyAutoConfiguration;
import dev.kassa.platform.tenancy.TenantProvisioner;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.ExponentialBackOff;

import java.util.Optional;
import java.util.stream.Stream;

/** Transactional outbox, relay, idempotent inbox and the Kafka topics (brief §5). */
@AutoConfiguration(
        after = {TenancyAutoConfiguration.class, KafkaAutoConfiguration.class, JdbcTemplateAutoConfiguration.class})
@EnableScheduling
public class EventsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public OutboxSignal outboxSignal() {
        return new OutboxSignal();
    }

    @Bean
    @ConditionalOnMissingBean
    public OutboxPublisher outboxPublisher(
            JdbcTemplate jdbcTemplate,
            ObjectMapper objectMapper,
            PlatformMigrations migrations,
            OutboxSignal signal,
            ObjectProvider<Tracer> tracer) {
        Tracer current = tracer.getIfAvailable();
        return current == null
                ? new OutboxPublisher(jdbcTemplate, objectMapper, signal)
                : new OutboxPublisher(jdbcTemplate, objectMapper, signal, new TraceParents(current));
    }

    @Bean
    @ConditionalOnMissingBean
    public OutboxMetrics outboxMetrics(JdbcTemplate jdbcTemplate) {
        return new OutboxMetrics(ServiceSchemaDataSource.schemaQualified(jdbcTemplate.getDataSource()));
    }

    @Bean
    @ConditionalOnProperty(name = "kassa.events.relay-enabled", havingValue = "true", matchIfMissing = true)
    public OutboxRelay outboxRelay(
            JdbcTemplate jdbcTemplate,
            KafkaTemplate<String, String> kafkaTemplate,
            OutboxSignal signal,
            @Value("${kassa.events.relay-interval-ms:1000}") long idleMillis,
            @Value("${kassa.events.relay-linger-ms:50}") long lingerMillis) {
        // its statements name public.kassa_outbox, so its transactions take pooled connections on whatever schema they
        // are
        JdbcTemplate relay = ServiceSchemaDataSource.schemaQualified(jdbcTemplate.getDataSource());
        return new OutboxRelay(
                relay,
                kafkaTemplate,
                new TransactionTemplate(new JdbcTransactionManager(relay.getDataSource())),
                signal,
                idleMillis,
                lingerMillis);
    }

    @Bean
    @ConditionalOnMissingBean
    public Inbox inbox(
            JdbcTemplate jdbcTemplate,
            PlatformTransactionManager transactionManager,
            ObjectMapper objectMapper,
            ObjectProvider<TenantProvisioner> provisioner,
            ObjectProvider<ObservationRegistry> observations) {
        return new Inbox(
                jdbcTemplate,
                new TransactionTemplate(transactionManager),
                objectMapper,
                Optional.ofNullable(provisioner.getIfAvailable()),
                observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

    /** A poison event is retried with backoff, then parked on {@code <topic>.DLT} instead of blocking its store. */
    @Bean
    @ConditionalOnMissingBean
    public DefaultErrorHandler kafkaErrorHandler(
            KafkaOperations<String, String> kafkaOperations,
            ObjectProvider<MeterRegistry> meters,
            @Value("${spring.kafka.consumer.group-id:}") String group) {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxElapsedTime(30_000);
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(kafkaOperations);
        MeterRegistry registry = meters.getIfAvailable(SimpleMeterRegistry::new);
        // at 0 from the start for the service's own consumer group: an alert on increase() sees a series before the
        // first
        // dead letter, not an absent one
        Topics.ALL.forEach(topic -> registry.counter("kassa.events.dead.lettered", "topic", topic, "group", group));
        DefaultErrorHandler handler = new DefaultErrorHandler(
                (record, failure) -> {
                    deadLetters.accept(record, failure);
                    // kassa_events_dead_lettered_total{topic, group}: each one is an event that group's read model is
                    // missing (a
                    // service's main consumer, or e.g. analytics' live feed, which reads the same topic in a group of
                    // its own)
                    String consumerGroup = KafkaUtils.getConsumerGroupId();
                    registry.counter(
                                    "kassa.events.dead.lettered",
                                    "topic",
                                    record.topic(),
                                    "group",
                                    consumerGroup == null ? "" : consumerGroup)
                            .increment();
                },
                backOff);
        handler.addNotRetryableExceptions(IllegalArgumentException.class);
        return handler;
    }

    @Bean
    public KafkaAdmin.NewTopics kassaTopics(
            @Value("${kassa.events.partitions:3}") int partitions,
            @Value("${kassa.events.replicas:1}") short replicas) {
        return new KafkaAdmin.NewTopics(Topics.ALL.stream()
                .flatMap(t -> Stream.of(t, t + ".DLT"))
                .map(t -> TopicBuilder.name(t)
                        .partitions(partitions)
                        .replicas(replicas)
                        .build())
                .toArray(NewTopic[]::new));
    }
}

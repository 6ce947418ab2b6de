package dev.kassa.platform.testapp;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.platform.events.EventEnvelope;
import dev.kassa.platform.events.EventHandlers;
import dev.kassa.platform.events.Inbox;
import dev.kassa.platform.events.OutboxPublisher;
import dev.kassa.platform.events.OutboxRelay;
import dev.kassa.platform.events.OutboxSignal;
import dev.kassa.platform.events.Topics;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestEvents;
import dev.kassa.platform.test.TestKafka;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.SendResult;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The relay is driven by hand here (relay-enabled=false) so each step can be observed. */
@KassaIntegrationTest
// its own database: relays of other cached test contexts must not publish this test's outbox rows
@TestPropertySource(properties = {"kassa.events.relay-enabled=false", "spring.application.name=platform-outbox-test"})
class OutboxAndInboxTests {

    @Autowired
    OutboxPublisher outbox;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    Inbox inbox;

    @Autowired
    ObjectMapper objectMapper;

    @Autowired
    MeterRegistry meters;

    @Test
    void theBacklogShowsInTheGaugesUntilTheRelayHasSentIt() {
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        String marker = UUID.randomUUID().toString();
        tx.executeWithoutResult(s -> outbox.publish("backlog_0000000f", new Probe(marker)));
        jdbc.update(
                "update public.kassa_outbox set created_at = now() - interval '5 minutes' where envelope like ?",
                "%" + marker + "%");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(meters.get("kassa.outbox.pending").gauge().value()).isGreaterThanOrEqualTo(1);
            assertThat(meters.get("kassa.outbox.oldest.age").gauge().value()).isGreaterThanOrEqualTo(300);
        });
        new OutboxRelay(jdbc, kafka, tx).relayOnce();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(meters.get("kassa.outbox.pending").gauge().value()).isZero();
            assertThat(meters.get("kassa.outbox.oldest.age").gauge().value()).isZero();
        });
    }

    @Test
    void aRolledBackTransactionPublishesNothing() {
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        String marker = UUID.randomUUID().toString();
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
                    outbox.publish("roll_back_0000000f", new Probe(marker));
                    throw new IllegalStateException("business failure");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(jdbc.queryForObject(
                        "select count(*) from public.kassa_outbox where envelope like ?",
                        Integer.class,
                        "%" + marker + "%"))
                .isZero();
    }

    @Test
    void eventsPublishedTogetherAreRowsOfTheirOwnInTheOrderGiven() {
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        String marker = UUID.randomUUID().toString();
        List<UUID> ids = tx.execute(s -> outbox.publishAll(
                "together_0000000f",
                List.of(new Probe(marker + "-1"), new Probe(marker + "-2"), new Probe(marker + "-3"))));
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select event_id, msg_key, event_type, envelope from public.kassa_outbox where envelope like ? order by id",
                "%" + marker + "%");
        assertThat(rows).extracting(r -> r.get("event_id")).containsExactlyElementsOf(ids);
        assertThat(rows).extracting(r -> r.get("msg_key")).containsOnly("together_0000000f");
        assertThat(rows)
                .extracting(r -> (String) r.get("envelope"))
                .satisfiesExactly(
                        e -> assertThat(e).contains(marker + "-1"),
                        e -> assertThat(e).contains(marker + "-2"),
                        e -> assertThat(e).contains(marker + "-3"));
        jdbc.update("delete from public.kassa_outbox where envelope like ?", "%" + marker + "%");
    }

    @Test
    void publishingOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> outbox.publish("no_tx_0000000f", new Probe(null)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anEventCommittedWhileTheBrokerIsDownIsPublishedOnceItIsBack() {
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        String marker = UUID.randomUUID().toString();
        tx.executeWithoutResult(s -> outbox.publish("broker_down_0000000f", new Probe(marker)));

        OutboxRelay relayWithoutBroker = new OutboxRelay(jdbc, deadBroker(), tx);
        assertThat(relayWithoutBroker.relayOnce()).isEqualTo(-1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from public.kassa_outbox where envelope like ?",
                        Integer.class,
                        "%" + marker + "%"))
                .isEqualTo(1);

        try (KafkaConsumer<String, String> consumer = TestKafka.consumer()) {
            consumer.subscribe(List.of(Topics.TASK));
            OutboxRelay relay = new OutboxRelay(jdbc, kafka, tx);
            assertThat(relay.relayOnce()).isPositive();
            assertThat(jdbc.queryForObject(
                            "select count(*) from public.kassa_outbox where envelope like ?",
                            Integer.class,
                            "%" + marker + "%"))
                    .isZero();
            List<String> received = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> received.add(r.value()));
                return received.stream().anyMatch(v -> v.contains(marker));
            });
            String message = received.stream()
                    .filter(v -> v.contains(marker))
                    .findFirst()
                    .orElseThrow();
            EventEnvelope envelope = inbox.read(message);
            assertThat(envelope.type()).isEqualTo("Probe");
            assertThat(envelope.tenantKey()).isEqualTo("broker_down_0000000f");
            assertThat(envelope.schemaVersion()).isEqualTo(1);
        }
    }

    @Test
    void twoRelaysOfOneServiceSendAStoresEventsInTheOrderTheyCommitted() throws Exception {
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        String store = "relay_order_0000000f";
        String run = UUID.randomUUID().toString();
        // more rows than one round takes (200): a second relay finds rows to claim while the first still sends its
        // round
        tx.executeWithoutResult(s -> {
            for (int i = 0; i < 300; i++) {
                outbox.publish(store, new Probe(run + ":" + i));
            }
        });
        CountDownLatch sending = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        KafkaTemplate<String, String> slow = new KafkaTemplate<>(kafka.getProducerFactory()) {
            @Override
            public CompletableFuture<SendResult<String, String>> send(ProducerRecord<String, String> record) {
                if (sending.getCount() > 0) {
                    // the first instance has claimed its round and stalls on the broker (a collection, a slow network)
                    sending.countDown();
                    try {
                        proceed.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return super.send(record);
            }
        };
        var first = CompletableFuture.supplyAsync(() -> new OutboxRelay(jdbc, slow, tx).relayOnce());
        assertThat(sending.await(30, TimeUnit.SECONDS)).isTrue();
        var second = CompletableFuture.supplyAsync(() -> new OutboxRelay(jdbc, kafka, tx).relayOnce());
        // the second instance either waits for the first round or (the defect) sends the rows after it meanwhile
        await().atMost(Duration.ofSeconds(30))
                .until(() -> second.isDone()
                        || jdbc.queryForObject(
                                        "select count(*) from pg_locks where locktype = 'advisory' and not granted",
                                        Integer.class)
                                > 0);
        proceed.countDown();
        first.get(30, TimeUnit.SECONDS);
        second.get(30, TimeUnit.SECONDS);
        new OutboxRelay(jdbc, kafka, tx).poll();

        List<Integer> order = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = TestKafka.consumer()) {
            consumer.subscribe(List.of(Topics.TASK));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    String marker =
                            inbox.read(r.value()).payload().path("marker").asText();
                    if (marker.startsWith(run + ":")) {
                        order.add(Integer.parseInt(marker.substring(run.length() + 1)));
                    }
                });
                return order.size() >= 300;
            });
        }
        assertThat(order)
                .as("one store's events on its partition, in commit order")
                .isSorted()
                .hasSize(300);
    }

    @Test
    void afterARoundThatSentTheRelayLingersAndWhatCommitsMeanwhileLeavesInOneRound() {
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        String store = "relay_linger_0000000f";
        String run = UUID.randomUUID().toString();
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        KafkaTemplate<String, String> recording = new KafkaTemplate<>(kafka.getProducerFactory()) {
            @Override
            public CompletableFuture<SendResult<String, String>> send(ProducerRecord<String, String> record) {
                String marker =
                        inbox.read(record.value()).payload().path("marker").asText();
                if (marker.startsWith(run)) {
                    sentAt.put(marker.substring(run.length()), System.nanoTime());
                }
                return super.send(record);
            }
        };
        OutboxSignal signal = new OutboxSignal();
        OutboxRelay relay = new OutboxRelay(jdbc, recording, tx, signal, 60_000, 3_000);
        relay.start();
        try {
            tx.executeWithoutResult(s -> outbox.publish(store, new Probe(run + "a")));
            signal.wake();
            await().atMost(Duration.ofSeconds(10)).until(() -> sentAt.containsKey("a"));
            // two sales commit while the relay lingers after sending the first
            tx.executeWithoutResult(s -> outbox.publish(store, new Probe(run + "b")));
            signal.wake();
            tx.executeWithoutResult(s -> outbox.publish(store, new Probe(run + "c")));
            signal.wake();
            await().during(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(2))
                    .until(() -> !sentAt.containsKey("b") && !sentAt.containsKey("c"));
            await().atMost(Duration.ofSeconds(10)).until(() -> sentAt.containsKey("b") && sentAt.containsKey("c"));
            assertThat(Duration.ofNanos(Math.abs(sentAt.get("c") - sentAt.get("b"))))
                    .as("both in the round after the linger")
                    .isLessThan(Duration.ofMillis(200));
        } finally {
            relay.stop();
        }
    }

    @Test
    void aRedeliveredEventHasNoSecondEffect() {
        EventEnvelope envelope = new EventEnvelope(
                UUID.randomUUID(),
                "Probe",
                "inbox_shop_0000000e",
                Instant.now(),
                1,
                objectMapper.valueToTree(Map.of("n", 1)));
        AtomicInteger effects = new AtomicInteger();
        assertThat(inbox.process(envelope, "test-consumer", t -> {
                    effects.incrementAndGet();
                    jdbc.update("insert into note (text) values ('from event')");
                }))
                .isTrue();
        assertThat(inbox.process(envelope, "test-consumer", t -> effects.incrementAndGet()))
                .isFalse();
        assertThat(effects).hasValue(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from \"tenant_inbox_shop\".note where text = 'from event'", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void typedHandlersRunOnceForTheirOwnTypeAndSkipIrrelevantEvents() {
        String tenant = "inbox_shop_0000000e";
        List<String> seen = new ArrayList<>();
        EventHandlers handlers = new EventHandlers()
                .on(Probe.class, probe -> !"skip".equals(probe.marker()), probe -> seen.add(probe.marker()));
        String probe = TestEvents.message(tenant, new Probe("first"));
        assertThat(inbox.handle(probe, "typed-consumer", handlers)).isTrue();
        assertThat(inbox.handle(probe, "typed-consumer", handlers))
                .as("redelivered")
                .isFalse();
        assertThat(inbox.handle(TestEvents.message(tenant, new Probe("skip")), "typed-consumer", handlers))
                .isFalse();
        assertThat(inbox.handle(TestEvents.message(tenant, new NoteCreated("other type")), "typed-consumer", handlers))
                .isFalse();
        assertThat(seen).containsExactly("first");
        assertThatThrownBy(() -> inbox.handle(
                        TestEvents.message(tenant, "Probe", Map.of("marker", Map.of("not", "text"))),
                        "typed-consumer",
                        handlers))
                .as("a payload that does not match its record is a poison event")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPollRunsEachStoresEventsOnceInOrderAndStopsAtTheFirstThatFails() {
        String shop = "inbox_shop_0000000e";
        String other = "inbox_other_0000000d";
        List<String> seen = new ArrayList<>();
        EventHandlers handlers = new EventHandlers().on(Probe.class, probe -> {
            if (probe.marker().startsWith("fail")) {
                throw new IllegalStateException("cannot handle " + probe.marker());
            }
            seen.add(TenantContext.require().key() + ":" + probe.marker());
            jdbc.update("insert into note (text) values (?)", probe.marker());
        });
        String handledBefore = TestEvents.message(shop, new Probe("before"));
        assertThat(inbox.handle(handledBefore, "poll-consumer", handlers)).isTrue();
        seen.clear();
        String twice = TestEvents.message(shop, new Probe("twice"));
        String otherType = TestEvents.message(shop, new NoteCreated("not this consumer's"));
        List<ConsumerRecord<String, String>> poll = records(
                TestEvents.message(shop, new Probe("a1")),
                TestEvents.message(other, new Probe("b1")),
                handledBefore,
                twice,
                otherType,
                TestEvents.message(shop, new Probe("a2")),
                twice,
                TestEvents.message(other, new Probe("b2")));

        inbox.handleAll(poll, "poll-consumer", handlers);

        assertThat(seen)
                .as("each store's events in their order, a redelivered or repeated one once")
                .containsExactly(shop + ":a1", shop + ":twice", shop + ":a2", other + ":b1", other + ":b2");
        assertThat(jdbc.queryForObject(
                        "select count(*) from public.kassa_inbox where consumer = 'poll-consumer' and event_id = ?",
                        Integer.class,
                        inbox.read(otherType).eventId()))
                .as("no record of an event the consumer does not handle")
                .isZero();

        // a poll whose third event fails: the two before it are committed (the first alone after the store's
        // transaction
        // failed), the failing one and those after it are left for the container to retry
        seen.clear();
        List<ConsumerRecord<String, String>> failing = records(
                TestEvents.message(shop, new Probe("c1")),
                TestEvents.message(shop, new Probe("c2")),
                TestEvents.message(shop, new Probe("fail")),
                TestEvents.message(shop, new Probe("c3")));
        assertThatThrownBy(() -> inbox.handleAll(failing, "poll-consumer", handlers))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> assertThat(e.getIndex())
                        .isEqualTo(2));
        assertThat(jdbc.queryForList(
                        "select text from \"tenant_inbox_shop\".note where text like 'c%' order by id", String.class))
                .containsExactly("c1", "c2");
        inbox.handleAll(failing.subList(0, 2), "poll-consumer", handlers);
        assertThat(jdbc.queryForList(
                        "select text from \"tenant_inbox_shop\".note where text like 'c%' order by id", String.class))
                .as("the committed two are not done again when they come back")
                .containsExactly("c1", "c2");
    }

    @Test
    void eventsAboutOtherStoresRunInTheStoreTheyNameSeveralStoresAtOnceEachInOrder() throws Exception {
        String sender = "inbox_sender_0000000c";
        String shop = "inbox_shop_0000000e";
        String other = "inbox_other_0000000d";
        List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
        AtomicInteger met = new AtomicInteger();
        EventHandlers handlers = new EventHandlers()
                .inStore(
                        Probe.class,
                        probe -> probe.marker().substring(0, probe.marker().indexOf(':')),
                        probe -> {
                            String marker =
                                    probe.marker().substring(probe.marker().indexOf(':') + 1);
                            if (marker.equals("first")) {
                                // the two stores' first events wait for each other: only stores handled at once meet
                                // here
                                try {
                                    together.await(10, TimeUnit.SECONDS);
                                    met.incrementAndGet();
                                } catch (Exception e) {
                                    throw new IllegalStateException(
                                            "the other store's transaction never ran beside this one", e);
                                }
                            }
                            seen.add(TenantContext.require().key() + ":" + marker);
                            jdbc.update("insert into note (text) values (?)", "about-" + marker);
                        });
        List<ConsumerRecord<String, String>> poll = records(
                TestEvents.message(sender, new Probe(shop + ":first")),
                TestEvents.message(sender, new Probe(other + ":first")),
                TestEvents.message(sender, new Probe(shop + ":second")),
                TestEvents.message(sender, new Probe(other + ":second")));

        inbox.handleAll(poll, "about-consumer", handlers, 2, message -> true);

        assertThat(met).as("both stores' transactions ran at the same time").hasValue(2);
        assertThat(seen.stream().filter(s -> s.startsWith(shop))).containsExactly(shop + ":first", shop + ":second");
        assertThat(seen.stream().filter(s -> s.startsWith(other))).containsExactly(other + ":first", other + ":second");
        assertThat(jdbc.queryForObject(
                        "select count(*) from \"tenant_inbox_shop\".note where text like 'about-%'", Integer.class))
                .as("written in the store the events name, not the sender's")
                .isEqualTo(2);

        assertThatThrownBy(() -> inbox.handleAll(
                        records(
                                TestEvents.message(sender, new Probe(shop + ":third")),
                                TestEvents.message(sender, new Probe("no store at all:x"))),
                        "about-consumer",
                        handlers,
                        2,
                        message -> true))
                .as("an event naming no valid store is a poison event, reported by its index")
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> assertThat(e.getIndex())
                        .isEqualTo(1));
        assertThat(seen).contains(shop + ":third");
    }

    private static List<ConsumerRecord<String, String>> records(String... messages) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < messages.length; i++) {
            records.add(new ConsumerRecord<>(Topics.SALES, 0, i, null, messages[i]));
        }
        return records;
    }

    @Test
    void aFailingHandlerLeavesNoInboxRecordSoTheEventIsRetried() {
        EventEnvelope envelope = new EventEnvelope(
                UUID.randomUUID(),
                "Probe",
                "inbox_shop_0000000e",
                Instant.now(),
                1,
                objectMapper.valueToTree(Map.of()));
        assertThatThrownBy(() -> inbox.process(envelope, "test-consumer", t -> {
                    throw new IllegalStateException("transient");
                }))
                .isInstanceOf(IllegalStateException.class);
        AtomicInteger effects = new AtomicInteger();
        assertThat(inbox.process(envelope, "test-consumer", t -> effects.incrementAndGet()))
                .isTrue();
        assertThat(effects).hasValue(1);
    }

    private static KafkaTemplate<String, String> deadBroker() {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                "127.0.0.1:1",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                500,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                500,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                1000);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }
}

package dev.kassa.platform.events;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Moves committed outbox rows to Kafka (idempotent producer, {@code acks=all}) and deletes each row
 * once the broker has acknowledged it. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so several
 * instances can relay side by side. While the broker is down, rows stay and the relay backs off.
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 200;

    private record Row(long id, String topic, String key, String envelope) { }

    private final JdbcTemplate jdbc;
    private final KafkaTemplate<String, String> kafka;
    private final TransactionTemplate tx;
    private int failures;
    private long nextAttemptAt;

    public OutboxRelay(JdbcTemplate jdbc, KafkaTemplate<String, String> kafka, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.kafka = kafka;
        this.tx = tx;
    }

    @Scheduled(fixedDelayString = "${kassa.events.relay-interval-ms:50}")
    public void poll() {
        if (System.currentTimeMillis() < nextAttemptAt) {
            return;
        }
        int relayed;
        do {
            relayed = relayOnce();
        } while (relayed == BATCH);
        if (relayed < 0) {
            failures++;
            nextAttemptAt = System.currentTimeMillis() + Math.min(5_000L, 100L << Math.min(failures, 6));
        } else {
            failures = 0;
        }
    }

    /** Relays one batch; returns how many rows went out, or -1 when the broker refused. */
    public int relayOnce() {
        Integer result = tx.execute(status -> {
            List<Row> rows = jdbc.query("select id, topic, msg_key, envelope from public.kassa_outbox order by id limit ? for update skip locked",
                    (rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)), BATCH);
            if (rows.isEmpty()) {
                return 0;
            }
            List<CompletableFuture<SendResult<String, String>>> sends = new ArrayList<>();
            List<Long> delivered = new ArrayList<>();
            boolean failed = false;
            try {
                for (Row row : rows) {
                    sends.add(kafka.send(row.topic(), row.key(), row.envelope()));
                }
                for (int i = 0; i < rows.size(); i++) {
                    sends.get(i).get(15, TimeUnit.SECONDS);
                    delivered.add(rows.get(i).id());
                }
            } catch (Exception e) {
                failed = true;
                log.warn("Outbox relay: broker unavailable, {} of {} events delivered ({})", delivered.size(), rows.size(), e.toString());
            }
            if (!delivered.isEmpty()) {
                jdbc.update("delete from public.kassa_outbox where id = any(?)", (Object) delivered.toArray(Long[]::new));
            }
            return failed ? -1 : rows.size();
        });
        return result == null ? 0 : result;
    }
}

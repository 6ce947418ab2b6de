package dev.kassa.platform.events;

import dev.kassa.platform.work.WorkerLoop;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Moves committed outbox rows to Kafka (idempotent producer, {@code acks=all}) and deletes each row
 * once the broker has acknowledged it. While the broker is down, rows stay and the relay backs off.
 * <p>
 * Several instances of a service relay the same outbox one round at a time: each round takes a transaction-level
 * advisory lock first ({@link #RELAY_LOCK}), so a store's events reach Kafka in the order their changes committed. Two
 * relays claiming rows side by side ({@code SKIP LOCKED} alone) sent rows 201-400 while the other still sent rows 1-200,
 * and a store's events overtook each other on its partition. A relay that dies mid-round loses its connection, and
 * PostgreSQL gives the lock and the rows to the next.
 * <p>
 * The relay runs on a thread of its own: a commit with events wakes it at once ({@link OutboxSignal}); otherwise it
 * looks every {@code kassa.events.relay-interval-ms} (1 s) for rows another instance committed or a failure left behind.
 * It used to poll every 50 ms: twenty transactions a second in every service's database, with nothing to send. After a
 * round that sent something it waits {@code kassa.events.relay-linger-ms} (50 ms) before the next, so that under load
 * the commits of that time leave together (one transaction and one batch to the broker for several sales, not a round
 * each: issue 41); an event after a quiet spell still leaves at once.
 */
public class OutboxRelay extends WorkerLoop {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 200;
    /** The advisory lock (one per service database) that one relay round holds at a time. */
    static final long RELAY_LOCK = 0x4b617373614f7574L;

    static final String TRACE_PARENT = "traceparent";

    private record Row(long id, String topic, String key, String envelope, String traceParent) {}

    private final JdbcTemplate jdbc;
    private final KafkaTemplate<String, String> kafka;
    private final TransactionTemplate tx;
    private final OutboxSignal signal;
    private final long idleMillis;
    private final long lingerMillis;
    private int failures;
    private long nextAttemptAt;

    public OutboxRelay(JdbcTemplate jdbc, KafkaTemplate<String, String> kafka, TransactionTemplate tx) {
        this(jdbc, kafka, tx, new OutboxSignal(), 1000, 0);
    }

    public OutboxRelay(
            JdbcTemplate jdbc,
            KafkaTemplate<String, String> kafka,
            TransactionTemplate tx,
            OutboxSignal signal,
            long idleMillis,
            long lingerMillis) {
        super("outbox-relay");
        this.jdbc = jdbc;
        this.kafka = kafka;
        this.tx = tx;
        this.signal = signal;
        this.idleMillis = idleMillis;
        this.lingerMillis = lingerMillis;
    }

    /** Starts before and stops after the web server, so events committed while requests drain still go out. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    @Override
    protected void work() throws InterruptedException {
        if (poll() && lingerMillis > 0) {
            // busy: what commits meanwhile goes out with the next round
            Thread.sleep(lingerMillis);
        }
        signal.await(idleMillis);
    }

    /** The database is away for a moment: the next round tries again. */
    @Override
    protected void pause() throws InterruptedException {
        Thread.sleep(idleMillis);
    }

    /**
     * Relays everything waiting, unless the relay is backing off from a broker failure; answers whether anything went
     * out.
     */
    public boolean poll() {
        if (System.currentTimeMillis() < nextAttemptAt) {
            return false;
        }
        int relayed;
        boolean sent = false;
        do {
            relayed = relayOnce();
            sent |= relayed > 0;
        } while (relayed == BATCH);
        if (relayed < 0) {
            failures++;
            nextAttemptAt = System.currentTimeMillis() + Math.min(5_000L, 100L << Math.min(failures, 6));
        } else {
            failures = 0;
        }
        return sent;
    }

    /** The event as sent; its {@code traceparent} header lets the consumers continue the trace of the change. */
    private static ProducerRecord<String, String> record(Row row) {
        ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.envelope());
        if (row.traceParent() != null) {
            record.headers().add(TRACE_PARENT, row.traceParent().getBytes(StandardCharsets.US_ASCII));
        }
        return record;
    }

    /** Relays one batch; returns how many rows went out, or -1 when the broker refused. */
    public int relayOnce() {
        Integer result = tx.execute(status -> {
            // waits while another instance's round sends, then takes the rows in the same statement: no row comes out
            // before the lock is held, and the rows that round sent are gone (deleted when it committed, so skipped)
            List<Row> rows = jdbc.query(
                    """
                    with round as materialized (select pg_advisory_xact_lock(?))
                    select o.id, o.topic, o.msg_key, o.envelope, o.trace_parent from round, public.kassa_outbox o
                     order by o.id limit ? for update of o skip locked
                    """,
                    (rs, i) ->
                            new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                    RELAY_LOCK,
                    BATCH);
            if (rows.isEmpty()) {
                return 0;
            }
            List<CompletableFuture<SendResult<String, String>>> sends = new ArrayList<>();
            List<Long> delivered = new ArrayList<>();
            boolean failed = false;
            try {
                for (Row row : rows) {
                    sends.add(kafka.send(record(row)));
                }
                for (int i = 0; i < rows.size(); i++) {
                    sends.get(i).get(15, TimeUnit.SECONDS);
                    delivered.add(rows.get(i).id());
                }
            } catch (Exception e) {
                failed = true;
                log.warn(
                        "Outbox relay: broker unavailable, {} of {} events delivered ({})",
                        delivered.size(),
                        rows.size(),
                        e.toString());
            }
            if (!delivered.isEmpty()) {
                jdbc.update(
                        "delete from public.kassa_outbox where id = any(?)", (Object) delivered.toArray(Long[]::new));
            }
            return failed ? -1 : rows.size();
        });
        return result == null ? 0 : result;
    }
}

package dev.kassa.analytics.webhook;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The one writer of the store's {@code webhook_deliveries} and {@code webhook_attempts} and of the service-wide
 * {@code webhook_queue}: a delivery is queued in the transaction that creates it (with the consumer's inbox record), and
 * leaves the queue when it is delivered or given up.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class DeliveryRepository {

    /** A due delivery an instance has leased. */
    record Claim(String tenantKey, long deliveryId) {}

    private static final String COLUMNS =
            """
            id, subscription_id, event_id, event_type, status, attempts, next_attempt_at, last_status_code, last_error,
            delivered_at, created_at, body""";

    private static final RowMapper<Delivery> ROW = (rs, i) -> new Delivery(
            rs.getLong("id"),
            rs.getLong("subscription_id"),
            rs.getObject("event_id", UUID.class),
            rs.getString("event_type"),
            rs.getString("status"),
            rs.getInt("attempts"),
            instant(rs.getTimestamp("next_attempt_at")),
            (Integer) rs.getObject("last_status_code"),
            rs.getString("last_error"),
            instant(rs.getTimestamp("delivered_at")),
            instant(rs.getTimestamp("created_at")),
            rs.getString("body"));

    private final JdbcClient jdbc;

    DeliveryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One delivery of the event for each of the store's active subscriptions to its type; answers how many. */
    int enqueue(String tenantKey, UUID eventId, String type, String body) {
        return jdbc.sql(
                        """
                        with created as (
                            insert into webhook_deliveries (subscription_id, event_id, event_type, body, next_attempt_at)
                            select s.id, ?, ?, ?, now() from webhook_subscriptions s
                            where s.is_active and ? = any (s.event_types)
                            order by s.id
                            on conflict (subscription_id, event_id) do nothing
                            returning id)
                        insert into public.webhook_queue (tenant_key, delivery_id, due_at)
                        select ?, id, now() from created""")
                .params(eventId, type, body, type, tenantKey)
                .update();
    }

    /** One delivery for one subscription (a ping), due now. */
    Delivery enqueueOne(String tenantKey, long subscriptionId, UUID eventId, String type, String body) {
        Delivery delivery = jdbc.sql("insert into webhook_deliveries (subscription_id, event_id, event_type, body,"
                        + " next_attempt_at) values (?, ?, ?, ?, now()) returning " + COLUMNS)
                .params(subscriptionId, eventId, type, body)
                .query(ROW)
                .single();
        queue(tenantKey, delivery.id(), Instant.now());
        return delivery;
    }

    /**
     * Leases due deliveries for {@code lease}, fairly across stores: those of at most {@code stores} stores (the ones whose
     * oldest due delivery waited longest), at most {@code perStore} of each, oldest first, passing over the stores in
     * {@code skip} (the ones this instance is sending now, so a store's deliveries leave one instance in order). Another
     * instance skips what is leased while this one sends, and sends it itself if this one is lost before it reports.
     */
    List<Claim> claimDue(int stores, int perStore, Duration lease, Collection<String> skip) {
        return jdbc.sql(
                        """
                        with due as (
                            select tenant_key, delivery_id, due_at,
                                   row_number() over (partition by tenant_key order by due_at, delivery_id) as n
                              from public.webhook_queue
                             where due_at <= now() and tenant_key <> all (?)),
                        oldest as (
                            select tenant_key from due where n = 1 order by due_at, delivery_id limit ?),
                        picked as (
                            select q.tenant_key, q.delivery_id from public.webhook_queue q
                              join due d on d.tenant_key = q.tenant_key and d.delivery_id = q.delivery_id
                             where d.n <= ? and d.tenant_key in (select tenant_key from oldest) and q.due_at <= now()
                               for update of q skip locked)
                        update public.webhook_queue q set due_at = now() + make_interval(secs => ?)
                          from picked
                         where q.tenant_key = picked.tenant_key and q.delivery_id = picked.delivery_id
                        returning q.tenant_key, q.delivery_id""")
                .params(skip.toArray(String[]::new), stores, perStore, lease.toMillis() / 1000.0)
                .query((rs, i) -> new Claim(rs.getString(1), rs.getLong(2)))
                .list();
    }

    Optional<Delivery> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from webhook_deliveries where id = ?")
                .param(id)
                .query(ROW)
                .optional();
    }

    Page<Delivery> page(long subscriptionId, PageRequest page) {
        long total = jdbc.sql("select count(*) from webhook_deliveries where subscription_id = ?")
                .param(subscriptionId)
                .query(Long.class)
                .single();
        List<Delivery> rows = jdbc.sql("select " + COLUMNS
                        + " from webhook_deliveries where subscription_id = ? order by id desc limit ? offset ?")
                .params(subscriptionId, page.getPageSize(), page.getOffset())
                .query(ROW)
                .list();
        return new PageImpl<>(rows, page, total);
    }

    List<Delivery.Attempt> attempts(long deliveryId) {
        return jdbc.sql(
                        """
                        select attempted_at, status_code, error, duration_ms from webhook_attempts
                        where delivery_id = ? order by id""")
                .param(deliveryId)
                .query((rs, i) -> new Delivery.Attempt(
                        rs.getTimestamp(1).toInstant(), (Integer) rs.getObject(2), rs.getString(3), rs.getInt(4)))
                .list();
    }

    /** When the delivery was first tried; empty before its first attempt. */
    Optional<Instant> firstAttempt(long id) {
        return jdbc.sql("select attempted_at from webhook_attempts where delivery_id = ? order by id limit 1")
                .param(id)
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant);
    }

    /**
     * Records an attempt and where the delivery now stands: {@code next} is when to try again, null when it is done
     * (delivered, or given up) and leaves the queue.
     */
    void attempted(String tenantKey, long id, Delivery.Attempt attempt, String status, Instant next) {
        jdbc.sql(
                        """
                        insert into webhook_attempts (delivery_id, attempted_at, status_code, error, duration_ms)
                        values (?, ?, ?, ?, ?)""")
                .params(
                        id,
                        Timestamp.from(attempt.attemptedAt()),
                        attempt.statusCode(),
                        attempt.error(),
                        attempt.durationMs())
                .update();
        jdbc.sql(
                        """
                        update webhook_deliveries set attempts = attempts + 1, status = ?, last_status_code = ?,
                            last_error = ?, next_attempt_at = ?,
                            delivered_at = case when ? = 'delivered' then ? else delivered_at end
                        where id = ?""")
                .params(
                        status,
                        attempt.statusCode(),
                        attempt.error(),
                        next == null ? null : Timestamp.from(next),
                        status,
                        Timestamp.from(attempt.attemptedAt()),
                        id)
                .update();
        if (next == null) {
            unqueue(tenantKey, id);
        } else {
            queue(tenantKey, id, next);
        }
    }

    /** Gives a delivery up without an attempt (its subscription is off). */
    void abandon(String tenantKey, long id, String error) {
        jdbc.sql("update webhook_deliveries set status = 'failed', last_error = ?, next_attempt_at = null where id = ?")
                .params(error, id)
                .update();
        unqueue(tenantKey, id);
    }

    /** Sends a delivery again, now, whatever became of it. */
    Optional<Delivery> redeliver(String tenantKey, long id) {
        Optional<Delivery> delivery = jdbc.sql(
                        "update webhook_deliveries set status = 'pending', next_attempt_at = now() where id = ? returning "
                                + COLUMNS)
                .param(id)
                .query(ROW)
                .optional();
        delivery.ifPresent(d -> queue(tenantKey, id, Instant.now()));
        return delivery;
    }

    /** Forgets a queued delivery that no longer exists (its subscription was deleted). */
    /** Renews this instance's lease of deliveries it still holds (their lease has not ended) for {@code lease} from now. */
    void renew(String tenantKey, List<Long> ids, Duration lease) {
        jdbc.sql(
                        """
                        update public.webhook_queue set due_at = now() + make_interval(secs => ?)
                        where tenant_key = ? and delivery_id = any (?) and due_at > now()""")
                .params(lease.toMillis() / 1000.0, tenantKey, ids.toArray(Long[]::new))
                .update();
    }

    /** Removes the store's deliveries (with their attempts) made before {@code before} and no longer retried. */
    int removeDoneBefore(Instant before) {
        return jdbc.sql("delete from webhook_deliveries where created_at < ? and status <> 'pending'")
                .param(Timestamp.from(before))
                .update();
    }

    void unqueue(String tenantKey, long id) {
        jdbc.sql("delete from public.webhook_queue where tenant_key = ? and delivery_id = ?")
                .params(tenantKey, id)
                .update();
    }

    private void queue(String tenantKey, long id, Instant due) {
        jdbc.sql(
                        """
                        insert into public.webhook_queue (tenant_key, delivery_id, due_at) values (?, ?, ?)
                        on conflict (tenant_key, delivery_id) do update set due_at = excluded.due_at""")
                .params(tenantKey, id, Timestamp.from(due))
                .update();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}

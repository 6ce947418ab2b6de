package dev.kassa.analytics.webhook;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one writer of the store's {@code webhook_subscriptions} and of the service-wide {@code webhook_stores}, the list of
 * stores with an active subscription that lets the consumer pass over every other store's events with one statement a
 * poll.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class SubscriptionRepository {

    private static final String COLUMNS =
            """
            id, url, description, event_types, secret, previous_secret, previous_secret_until, is_active,
            disabled_reason, failing_since, created_at, updated_at, app_id""";

    private final JdbcClient jdbc;
    private final WebhookSecrets secrets;

    private final RowMapper<Subscription> row = this::subscription;

    SubscriptionRepository(
            JdbcClient jdbc,
            @Value("${kassa.webhooks.secret-encryption-key:}") String secretKey,
            @Value("${kassa.webhooks.require-secret-encryption:false}") boolean secretKeyRequired) {
        this.jdbc = jdbc;
        this.secrets = new WebhookSecrets(secretKey, secretKeyRequired);
    }

    /** A row as the store keeps it, its secrets opened. */
    private Subscription subscription(ResultSet rs, int i) throws SQLException {
        String secret = rs.getString("secret");
        String previous = rs.getString("previous_secret");
        return new Subscription(
                rs.getLong("id"),
                rs.getString("url"),
                rs.getString("description"),
                Arrays.asList((String[]) rs.getArray("event_types").getArray()),
                open(secret),
                open(previous),
                instant(rs.getTimestamp("previous_secret_until")),
                rs.getBoolean("is_active"),
                rs.getString("disabled_reason"),
                instant(rs.getTimestamp("failing_since")),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("updated_at")),
                (Long) rs.getObject("app_id"),
                secrets.shouldSeal(secret) || secrets.shouldSeal(previous));
    }

    private String open(String stored) {
        return stored == null ? null : secrets.open(stored);
    }

    /** Seals a subscription's secrets kept in plain text from before a key was set. */
    void seal(Subscription s) {
        jdbc.sql("update webhook_subscriptions set secret = ?, previous_secret = ? where id = ?")
                .params(secrets.seal(s.secret()), secrets.seal(s.previousSecret()), s.id())
                .update();
    }

    Subscription insert(String url, String description, List<String> eventTypes, String secret, Long appId) {
        return jdbc.sql("insert into webhook_subscriptions (url, description, event_types, secret, app_id)"
                        + " values (?, ?, cast(? as text[]), ?, ?) returning " + COLUMNS)
                .params(url, description, eventTypes.toArray(String[]::new), secrets.seal(secret), appId)
                .query(row)
                .single();
    }

    int count() {
        return jdbc.sql("select count(*) from webhook_subscriptions")
                .query(Integer.class)
                .single();
    }

    List<Subscription> all() {
        return jdbc.sql("select " + COLUMNS + " from webhook_subscriptions order by id")
                .query(row)
                .list();
    }

    Optional<Subscription> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from webhook_subscriptions where id = ?")
                .param(id)
                .query(row)
                .optional();
    }

    /** Saves what the owner may change; turning one on again clears what Kassa noted when it turned it off. */
    Subscription update(long id, String url, String description, List<String> eventTypes, boolean active) {
        return jdbc.sql(
                        """
                        update webhook_subscriptions set url = ?, description = ?, event_types = cast(? as text[]),
                            disabled_reason = case when ? then null else disabled_reason end,
                            failing_since = case when ? and not is_active then null else failing_since end,
                            is_active = ?, updated_at = now()
                        where id = ? returning\s"""
                                + COLUMNS)
                .params(url, description, eventTypes.toArray(String[]::new), active, active, active, id)
                .query(row)
                .single();
    }

    Subscription rotate(long id, String secret, Instant previousUntil) {
        return jdbc.sql(
                        """
                        update webhook_subscriptions set previous_secret = secret, previous_secret_until = ?, secret = ?,
                            updated_at = now()
                        where id = ? returning\s"""
                                + COLUMNS)
                .params(Timestamp.from(previousUntil), secrets.seal(secret), id)
                .query(row)
                .single();
    }

    boolean delete(long id) {
        return jdbc.sql("delete from webhook_subscriptions where id = ?")
                        .param(id)
                        .update()
                > 0;
    }

    /** An attempt succeeded: the subscription is no longer failing. */
    void succeeded(long id) {
        jdbc.sql("update webhook_subscriptions set failing_since = null where id = ? and failing_since is not null")
                .param(id)
                .update();
    }

    /** An attempt failed at {@code at}: answers since when the subscription has been failing. */
    Instant failed(long id, Instant at) {
        return jdbc.sql(
                        """
                        update webhook_subscriptions set failing_since = coalesce(failing_since, ?)
                        where id = ? returning failing_since""")
                .params(Timestamp.from(at), id)
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant)
                .orElse(at);
    }

    /** Kassa turns a subscription off that has failed for too long. */
    void disable(long id, String reason) {
        jdbc.sql(
                        """
                        update webhook_subscriptions set is_active = false, disabled_reason = ?, updated_at = now()
                        where id = ? and is_active""")
                .params(reason, id)
                .update();
    }

    /** Keeps {@code webhook_stores} true for the current store after its subscriptions changed. */
    void refreshStore(String tenantKey) {
        boolean any = jdbc.sql("select exists (select 1 from webhook_subscriptions where is_active)")
                .query(Boolean.class)
                .single();
        if (any) {
            jdbc.sql("insert into public.webhook_stores (tenant_key) values (?) on conflict do nothing")
                    .param(tenantKey)
                    .update();
        } else {
            jdbc.sql("delete from public.webhook_stores where tenant_key = ?")
                    .param(tenantKey)
                    .update();
        }
    }

    /** Which of these stores have an active subscription. */
    @Transactional(propagation = Propagation.SUPPORTS)
    Set<String> withWebhooks(Collection<String> tenantKeys) {
        if (tenantKeys.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select tenant_key from public.webhook_stores where tenant_key = any (?)")
                .param(tenantKeys.toArray(String[]::new))
                .query(String.class)
                .list());
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}

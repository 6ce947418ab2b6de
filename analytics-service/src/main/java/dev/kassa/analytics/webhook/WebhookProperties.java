package dev.kassa.analytics.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * How webhooks are delivered.
 *
 * @param pollInterval how often an instance looks for due deliveries another instance queued (its own wake it at once)
 * @param firstRetry the wait after a first failed attempt; each further failure doubles it, up to {@code maxRetry}
 * @param maxRetry the longest wait between two attempts
 * @param giveUpAfter how long a delivery is retried before it is marked failed, and how long a subscription may fail
 *     without a success before Kassa turns it off
 * @param connectTimeout how long connecting to a receiver may take
 * @param timeout how long a receiver may take to answer
 * @param lease how long an instance holds a due delivery while it sends it; if the instance is lost, another sends it
 *     (renewed while the instance sends a run longer than that)
 *     after this
 * @param previousSecretFor how long a rotated secret still signs beside the new one
 * @param allowHttp whether targets may be plain {@code http://} (off in production: https only)
 * @param allowedNetworks private networks (CIDR) the operator allows as targets; all others are refused (no SSRF)
 * @param senders how many stores' deliveries one instance sends at the same time
 * @param maxSubscriptions how many subscriptions a store may have
 * @param retention how long a delivery that is done (delivered or failed) is kept, with its body and attempts
 */
@ConfigurationProperties("kassa.webhooks")
public record WebhookProperties(
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("30s") Duration firstRetry,
        @DefaultValue("1h") Duration maxRetry,
        @DefaultValue("24h") Duration giveUpAfter,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("24h") Duration previousSecretFor,
        @DefaultValue("false") boolean allowHttp,
        @DefaultValue("") List<String> allowedNetworks,
        @DefaultValue("8") int senders,
        @DefaultValue("20") int maxSubscriptions,
        @DefaultValue("30d") Duration retention) {

    /** The wait before attempt {@code attempts + 1}, after {@code attempts} failed ones. */
    Duration retryAfter(int attempts) {
        Duration wait = firstRetry;
        for (int i = 1; i < attempts && wait.compareTo(maxRetry) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxRetry) < 0 ? wait : maxRetry;
    }
}

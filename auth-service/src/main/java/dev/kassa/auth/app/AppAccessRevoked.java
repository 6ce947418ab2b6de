package dev.kassa.auth.app;

import dev.kassa.platform.events.KassaEvent;
import dev.kassa.platform.events.Topics;

import java.time.Instant;

/**
 * An app's tokens stopped working: its owner revoked it or rotated its secret. Every service refuses its tokens for the
 * store issued before {@code at} ({@code user_id} is the tokens' subject, the app's id negated).
 */
@KassaEvent(topic = Topics.AUTH)
public record AppAccessRevoked(
        long storeId, String tenantKey, long appId, long userId, String clientId, String reason, Instant at) {}

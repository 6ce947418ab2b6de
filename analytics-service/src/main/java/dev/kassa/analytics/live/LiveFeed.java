package dev.kassa.analytics.live;

import dev.kassa.platform.security.LiveStreamFeed;
import dev.kassa.platform.security.Revocations;
import dev.kassa.platform.web.LiveStreams;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.Map;

/**
 * The open live streams of each store on this instance (the platform's {@link LiveStreams}, a channel per store): every
 * sale and refund of the store as a {@code sale} or {@code refund} event, products under their reorder point as
 * {@code stock_low}; at most {@code kassa.analytics.live.max-streams-per-store} open per store (16), each ended within
 * seconds of its token's revocation.
 */
@Component
public class LiveFeed extends LiveStreamFeed {

    LiveFeed(
            ObjectProvider<Revocations> revocations,
            @Value("${kassa.analytics.live.max-streams-per-store:16}") int maxStreamsPerStore) {
        super(revocations, maxStreamsPerStore);
    }

    SseEmitter open(String tenantKey, Jwt token) {
        return streams.open(tenantKey, tenantKey, token);
    }

    /** Sends an event to every stream of the store on this instance. */
    public void publish(String tenantKey, String name, Map<String, Object> data) {
        streams.publish(tenantKey, name, data);
    }

    /** Whether the store has a stream open on this instance (nothing to look up for one that has none). */
    public boolean watched(String tenantKey) {
        return streams.watched(tenantKey);
    }

    int open() {
        return streams.open();
    }
}

package dev.kassa.sales.kitchen;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.kassa.platform.security.LiveStreamFeed;
import dev.kassa.platform.security.Revocations;
import dev.kassa.platform.web.LiveStreams;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The kitchen screens open on this instance (the platform's {@link LiveStreams}): a channel per store and station, and
 * one per store for a screen of every station; a store has at most {@code kassa.sales.kitchen.max-streams-per-store}
 * screens open on an instance (16), and a screen ends within seconds of its token's revocation. What a screen gets comes
 * from sales' own events, which every instance reads ({@code ingest.KitchenEventsConsumer}); a round sent on this
 * instance reaches its screens here at once when its transaction commits, and its event, read back later, is not shown
 * twice.
 */
@Component
public class KitchenFeed extends LiveStreamFeed {

    /** A round sent to the kitchen as the screens show it: what they read of {@code OrderSentToKitchen}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Round(
            long orderId, String table, String diningOption, int round, Instant sentAt, List<Ticket> tickets) {

        @JsonIgnoreProperties(ignoreUnknown = true)
        public record Ticket(long ticketId, String station, List<Dish> items) {}

        @JsonIgnoreProperties(ignoreUnknown = true)
        public record Dish(
                long itemId,
                long productId,
                String productName,
                BigDecimal quantity,
                List<String> modifiers,
                String note) {}
    }

    private static final String EVERY_STATION = "*";

    /** How many tickets shown lately are remembered, so that the event read back after a local push is not shown again. */
    private static final int REMEMBERED = 10_000;

    private final Map<String, Boolean> shown = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    });

    KitchenFeed(
            ObjectProvider<Revocations> revocations,
            @Value("${kassa.sales.kitchen.max-streams-per-store:16}") int maxStreamsPerStore) {
        super(revocations, maxStreamsPerStore);
    }

    /**
     * Shows the round's new tickets on their stations' screens on this instance, each once whichever comes first: the
     * local push when the round's transaction commits, or its event read back from Kafka.
     */
    public void sent(String tenantKey, Round sent) {
        for (Round.Ticket t : sent.tickets()) {
            if (!watched(tenantKey, t.station()) || shown.putIfAbsent(tenantKey + "/" + t.ticketId(), true) != null) {
                continue;
            }
            Map<String, Object> ticket = new LinkedHashMap<>();
            ticket.put("id", t.ticketId());
            ticket.put("order", sent.orderId());
            ticket.put("round", sent.round());
            ticket.put("station", t.station());
            ticket.put("status", "new");
            ticket.put("table_name", sent.table());
            ticket.put("dining_option", sent.diningOption());
            ticket.put(
                    "items",
                    t.items().stream()
                            .map(d -> Map.of(
                                    "item", d.itemId(),
                                    "product_id", d.productId(),
                                    "product_name", d.productName(),
                                    "quantity", d.quantity(),
                                    "modifiers", d.modifiers() == null ? List.of() : d.modifiers(),
                                    "note", d.note() == null ? "" : d.note()))
                            .toList());
            ticket.put("created_at", sent.sentAt().toString());
            publish(tenantKey, t.station(), "ticket", ticket);
        }
    }

    /** A screen of the store's station (every station when null) for the caller's token; 429 past the store's limit. */
    SseEmitter open(String tenantKey, String station, Jwt token) {
        return streams.open(tenantKey, channel(tenantKey, station == null ? EVERY_STATION : station), token);
    }

    /** Whether a screen of the store shows the station (or every station) on this instance. */
    public boolean watched(String tenantKey, String station) {
        return streams.watched(channel(tenantKey, station)) || streams.watched(channel(tenantKey, EVERY_STATION));
    }

    /** Shows an event on the station's screens and on the store's screens of every station. */
    public void publish(String tenantKey, String station, String name, Object data) {
        streams.publish(channel(tenantKey, station), name, data);
        streams.publish(channel(tenantKey, EVERY_STATION), name, data);
    }

    private static String channel(String tenantKey, String station) {
        return tenantKey + "/" + station;
    }
}

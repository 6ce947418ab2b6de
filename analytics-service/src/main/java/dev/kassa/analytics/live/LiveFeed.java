package dev.kassa.analytics.live;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open live streams of each store on this instance. A stream gets every sale and refund of its store as a
 * {@code sale} or {@code refund} event, a comment every 15 s so idle proxies keep it open, and an {@code end} event when
 * its token expires, after which it closes (the client reconnects with a fresh token).
 */
@Component
public class LiveFeed {

    private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);

    private final Map<String, Set<SseEmitter>> streams = new ConcurrentHashMap<>();
    private final TaskScheduler scheduler;

    LiveFeed(TaskScheduler scheduler) {
        this.scheduler = scheduler;
    }

    SseEmitter open(String tenantKey, Instant expiresAt) {
        Duration left = Duration.between(Instant.now(), expiresAt);
        // the container's own timeout is a safety net a little after the token's end, which closes the stream first
        SseEmitter emitter = new SseEmitter(Math.max(left.toMillis(), 0) + 30_000);
        Set<SseEmitter> store = streams.computeIfAbsent(tenantKey, k -> ConcurrentHashMap.newKeySet());
        store.add(emitter);
        Runnable remove = () -> store.remove(emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        send(
                emitter,
                SseEmitter.event()
                        .name("ready")
                        .data(Map.of("expires_at", expiresAt.toString()), MediaType.APPLICATION_JSON));
        scheduler.schedule(
                () -> {
                    send(
                            emitter,
                            SseEmitter.event()
                                    .name("end")
                                    .data(Map.of("reason", "token_expired"), MediaType.APPLICATION_JSON));
                    emitter.complete();
                },
                expiresAt);
        return emitter;
    }

    /** Sends an event to every stream of the store on this instance. */
    public void publish(String tenantKey, String name, Map<String, Object> data) {
        for (SseEmitter emitter : streams.getOrDefault(tenantKey, Set.of())) {
            send(emitter, SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
        }
    }

    /** Whether the store has a stream open on this instance (nothing to look up for one that has none). */
    public boolean watched(String tenantKey) {
        return !streams.getOrDefault(tenantKey, Set.of()).isEmpty();
    }

    @Scheduled(fixedDelay = 15_000)
    void heartbeat() {
        streams.values()
                .forEach(store -> store.forEach(
                        emitter -> send(emitter, SseEmitter.event().comment("heartbeat"))));
    }

    int open() {
        return streams.values().stream().mapToInt(Set::size).sum();
    }

    private static void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException e) {
            log.debug("Live stream gone: {}", e.toString());
            emitter.completeWithError(e);
        }
    }
}

package dev.kassa.platform.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Server-Sent Event streams open on this instance, by channel (a store's live feed, a kitchen station's screen). A stream
 * gets a {@code ready} event, every event published to its channel, a comment every 15 s so that idle proxies keep it
 * open, and an {@code end} event when its token expires, after which it closes (the client reconnects with a fresh token).
 * What is published comes from Kafka, which every instance reads whole, so a stream sees its channel's events whichever
 * instance it is connected to.
 */
public final class LiveStreams {

    private static final Logger log = LoggerFactory.getLogger(LiveStreams.class);

    private final Map<String, Set<SseEmitter>> streams = new ConcurrentHashMap<>();
    private final TaskScheduler scheduler;

    public LiveStreams(TaskScheduler scheduler) {
        this.scheduler = scheduler;
        scheduler.scheduleWithFixedDelay(this::heartbeat, Duration.ofSeconds(15));
    }

    /** A new stream of the channel, closed when {@code expiresAt} (the caller's token's end) comes. */
    public SseEmitter open(String channel, Instant expiresAt) {
        Duration left = Duration.between(Instant.now(), expiresAt);
        // the container's own timeout is a safety net a little after the token's end, which closes the stream first
        SseEmitter emitter = new SseEmitter(Math.max(left.toMillis(), 0) + 30_000);
        Set<SseEmitter> open = streams.computeIfAbsent(channel, k -> ConcurrentHashMap.newKeySet());
        open.add(emitter);
        Runnable remove = () -> open.remove(emitter);
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

    /** Sends an event to every stream of the channel on this instance. */
    public void publish(String channel, String name, Object data) {
        for (SseEmitter emitter : streams.getOrDefault(channel, Set.of())) {
            send(emitter, SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
        }
    }

    /** Whether the channel has a stream open on this instance (nothing to look up for one that has none). */
    public boolean watched(String channel) {
        return !streams.getOrDefault(channel, Set.of()).isEmpty();
    }

    /** The streams open on this instance. */
    public int open() {
        return streams.values().stream().mapToInt(Set::size).sum();
    }

    private void heartbeat() {
        streams.values()
                .forEach(open ->
                        open.forEach(emitter -> send(emitter, SseEmitter.event().comment("heartbeat"))));
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

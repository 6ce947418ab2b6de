package dev.kassa.platform.web;

import dev.kassa.platform.error.PlatformErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiPredicate;

/**
 * Server-Sent Event streams open on this instance, by channel (a store's live feed, a kitchen station's screen). A stream
 * gets a {@code ready} event, every event published to its channel, a comment every 15 s so that idle proxies keep it
 * open, and an {@code end} event when its token expires or is revoked (checked every 2 s: a role change, a
 * deactivation, a closed store), after which it closes (the client reconnects with a fresh token). A store has at most
 * {@code perStore} streams open on an instance: the next is refused with 429 {@code too_many_streams}. Nothing of a
 * stream is kept once it ends or its client goes (a failed write, the container's completion, timeout or error), and a
 * channel without streams is forgotten. What is published comes from Kafka, which every instance reads whole, so a
 * stream sees its channel's events whichever instance it is connected to.
 */
public final class LiveStreams {

    /** Tokens are never revoked: for a service without the platform's revocations. */
    public static final BiPredicate<String, Jwt> NEVER_REVOKED = (store, token) -> false;

    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    static final Duration REVOCATION_CHECK = Duration.ofSeconds(2);

    /** How long a stream of a token that names no end stays open. */
    private static final Duration NO_EXPIRY = Duration.ofMinutes(15);

    private static final Logger log = LoggerFactory.getLogger(LiveStreams.class);

    /** One open stream: whose it is (the store and the caller's token) and what ends it. */
    private static final class LiveStream {
        private final String store;
        private final String channel;
        private final Jwt token;
        private final SseEmitter emitter;
        private final AtomicBoolean ended = new AtomicBoolean();
        private volatile ScheduledFuture<?> expiry;

        private LiveStream(String store, String channel, Jwt token, SseEmitter emitter) {
            this.store = store;
            this.channel = channel;
            this.token = token;
            this.emitter = emitter;
        }
    }

    private final Map<String, Set<LiveStream>> channels = new ConcurrentHashMap<>();
    private final Map<String, Set<LiveStream>> stores = new ConcurrentHashMap<>();
    private final TaskScheduler scheduler;
    private final boolean ownScheduler;
    private final int perStore;
    private final BiPredicate<String, Jwt> revoked;

    /**
     * Streams with two scheduler threads of their own for heartbeats, revocation checks and expiry, apart from the
     * application's scheduled jobs: a long sweep there, or a database away for them, never holds a stream's end up.
     * {@link #close()} stops them.
     */
    public LiveStreams(int perStore, BiPredicate<String, Jwt> revoked) {
        this(ownScheduler(), true, perStore, revoked);
    }

    /**
     * @param perStore the most streams a store may have open on this instance
     * @param revoked  whether a token was revoked for the store since it was issued ({@code Revocations::isRevoked})
     */
    public LiveStreams(TaskScheduler scheduler, int perStore, BiPredicate<String, Jwt> revoked) {
        this(scheduler, false, perStore, revoked);
    }

    private LiveStreams(TaskScheduler scheduler, boolean own, int perStore, BiPredicate<String, Jwt> revoked) {
        this.ownScheduler = own;
        this.scheduler = scheduler;
        this.perStore = perStore;
        this.revoked = revoked;
        scheduler.scheduleWithFixedDelay(this::heartbeat, HEARTBEAT);
        scheduler.scheduleWithFixedDelay(this::endRevoked, REVOCATION_CHECK);
    }

    /**
     * A new stream of the store's channel for the caller's token, closed when the token expires or is revoked; 429
     * {@code too_many_streams} when the store has its {@code perStore} streams open on this instance.
     */
    public SseEmitter open(String store, String channel, Jwt token) {
        Instant expiresAt = token.getExpiresAt() != null
                ? token.getExpiresAt()
                : Instant.now().plus(NO_EXPIRY);
        Duration left = Duration.between(Instant.now(), expiresAt);
        // the container's own timeout is a safety net a little after the token's end, which closes the stream first
        SseEmitter emitter = new SseEmitter(Math.max(left.toMillis(), 0) + 30_000);
        LiveStream stream = new LiveStream(store, channel, token, emitter);
        if (!admit(stream)) {
            // a client that went without a word is noticed by a write: try the store's streams before refusing
            streamsOf(store).forEach(s -> send(s, SseEmitter.event().comment("heartbeat")));
            if (!admit(stream)) {
                throw PlatformErrors.TOO_MANY_STREAMS.exception(perStore);
            }
        }
        channels.compute(channel, (k, open) -> {
            Set<LiveStream> streams = open == null ? ConcurrentHashMap.newKeySet() : open;
            streams.add(stream);
            return streams;
        });
        if (stream.ended.get()) {
            // revoked while it was being opened: forgotten before it joined its channel
            remove(channels, channel, stream);
        }
        stream.emitter.onCompletion(() -> forget(stream));
        stream.emitter.onTimeout(() -> forget(stream));
        stream.emitter.onError(e -> forget(stream));
        send(
                stream,
                SseEmitter.event()
                        .name("ready")
                        .data(Map.of("expires_at", expiresAt.toString()), MediaType.APPLICATION_JSON));
        stream.expiry = scheduler.schedule(() -> end(stream, "token_expired"), expiresAt);
        if (stream.ended.get() && stream.expiry != null) {
            stream.expiry.cancel(false);
        }
        return stream.emitter;
    }

    /** Sends an event to every stream of the channel on this instance. */
    public void publish(String channel, String name, Object data) {
        for (LiveStream stream : channels.getOrDefault(channel, Set.of())) {
            send(stream, SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
        }
    }

    /** Whether the channel has a stream open on this instance (nothing to look up for one that has none). */
    public boolean watched(String channel) {
        return channels.containsKey(channel);
    }

    /** The streams open on this instance. */
    public int open() {
        return stores.values().stream().mapToInt(Set::size).sum();
    }

    /** The store's streams open on this instance. */
    public int open(String store) {
        return streamsOf(store).size();
    }

    /** Counts the stream in its store's unless the store has {@code perStore} open already. */
    private boolean admit(LiveStream stream) {
        boolean[] admitted = {false};
        stores.compute(stream.store, (k, open) -> {
            Set<LiveStream> streams = open == null ? ConcurrentHashMap.newKeySet() : open;
            if (streams.size() < perStore) {
                streams.add(stream);
                admitted[0] = true;
            }
            return streams.isEmpty() ? null : streams;
        });
        return admitted[0];
    }

    private Set<LiveStream> streamsOf(String store) {
        return stores.getOrDefault(store, Set.of());
    }

    /** Ends the stream with an {@code end} event saying why ({@code token_expired}, {@code token_revoked}). */
    private void end(LiveStream stream, String reason) {
        if (stream.ended.get()) {
            return;
        }
        send(stream, SseEmitter.event().name("end").data(Map.of("reason", reason), MediaType.APPLICATION_JSON));
        forget(stream);
        stream.emitter.complete();
    }

    /** Keeps nothing of a stream that ended or whose client went; a channel or store left without streams goes too. */
    private void forget(LiveStream stream) {
        if (!stream.ended.compareAndSet(false, true)) {
            return;
        }
        ScheduledFuture<?> expiry = stream.expiry;
        if (expiry != null) {
            expiry.cancel(false);
        }
        remove(channels, stream.channel, stream);
        remove(stores, stream.store, stream);
    }

    private static void remove(Map<String, Set<LiveStream>> streams, String key, LiveStream stream) {
        streams.computeIfPresent(key, (k, open) -> {
            open.remove(stream);
            return open.isEmpty() ? null : open;
        });
    }

    private void heartbeat() {
        stores.values()
                .forEach(open ->
                        open.forEach(stream -> send(stream, SseEmitter.event().comment("heartbeat"))));
    }

    /** Ends the streams whose token was revoked since it was issued (a store's revocations are read once a check). */
    private void endRevoked() {
        for (Set<LiveStream> open : stores.values()) {
            try {
                for (LiveStream stream : open) {
                    if (revoked.test(stream.store, stream.token)) {
                        end(stream, "token_revoked");
                    }
                }
            } catch (RuntimeException e) {
                // this store's revocations could not be read (the database is away): the others are still checked, and
                // the next check tries this one again
                log.warn("Could not check the live streams' tokens: {}", e.toString());
            }
        }
    }

    /**
     * The instance is stopping: every open stream gets {@code end} ({@code server_stopping}: its client reconnects, to
     * another instance) and is completed, so that the web server's graceful shutdown does not wait for streams that would
     * only end with their tokens; the scheduler threads these streams made for themselves stop.
     */
    public void close() {
        stores.values().forEach(open -> List.copyOf(open).forEach(stream -> end(stream, "server_stopping")));
        if (ownScheduler && scheduler instanceof ThreadPoolTaskScheduler own) {
            own.shutdown();
        }
    }

    private static TaskScheduler ownScheduler() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(2);
        scheduler.setThreadNamePrefix("live-streams-");
        scheduler.setDaemon(true);
        scheduler.setRemoveOnCancelPolicy(true);
        scheduler.initialize();
        return scheduler;
    }

    private void send(LiveStream stream, SseEmitter.SseEventBuilder event) {
        try {
            stream.emitter.send(event);
        } catch (IOException | IllegalStateException e) {
            log.debug("Live stream gone: {}", e.toString());
            forget(stream);
            try {
                stream.emitter.completeWithError(e);
            } catch (IllegalStateException alreadyFailed) {
                // the container has ended the request already (its client went): nothing is left to complete, and the
                // caller (a heartbeat, or a new stream probing the store's before it is refused) must not fail for it
                log.debug("Live stream already ended by the container: {}", alreadyFailed.toString());
            }
        }
    }
}

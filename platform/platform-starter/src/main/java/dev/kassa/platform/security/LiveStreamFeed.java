package dev.kassa.platform.security;

import dev.kassa.platform.web.LiveStreams;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;

/**
 * A service's feed of live streams (the kitchen screens, the owner's live view): its {@link LiveStreams}, each stream
 * ended within seconds of its token's revocation ({@link Revocations}), and all of them ended as the instance stops,
 * before the web server's graceful shutdown (which would otherwise wait for them), with their own scheduler threads.
 */
public abstract class LiveStreamFeed implements SmartLifecycle {

    protected final LiveStreams streams;
    private volatile boolean running;

    /** {@code perStore}: the most streams a store may have open on this instance. */
    protected LiveStreamFeed(ObjectProvider<Revocations> revocations, int perStore) {
        Revocations revoked = revocations.getIfAvailable();
        this.streams = new LiveStreams(perStore, revoked == null ? LiveStreams.NEVER_REVOKED : revoked::isRevoked);
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        streams.close();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}

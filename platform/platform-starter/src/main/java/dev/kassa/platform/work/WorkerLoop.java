package dev.kassa.platform.work;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A background worker of a service on a daemon thread of its own, started and stopped with the application: it does its
 * {@link #work() work} round after round until it is stopped; a round that fails (the database or the broker away for a
 * moment) is logged and the next one comes after {@link #pause()}. Every instance of a service runs one: what
 * a round takes is shared out through the database (a lock, a lease), never through this process.
 */
public abstract class WorkerLoop implements SmartLifecycle {

    private static final long JOIN_MILLIS = 5_000;

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String name;
    private volatile Thread thread;

    /** @param name the worker thread's name, also the first word of its log lines */
    protected WorkerLoop(String name) {
        this.name = name;
    }

    /** One round and the wait before the next (woken early when there is something to do). */
    protected abstract void work() throws InterruptedException;

    /** The wait after a round that failed (a worker that found nothing to do may wait the same way). */
    protected abstract void pause() throws InterruptedException;

    /** Whether the worker has been told to stop: a round stops taking more then, and leaves the rest to the next instance. */
    protected final boolean stopping() {
        return thread == null;
    }

    @Override
    public void start() {
        Thread t = new Thread(this::loop, name);
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /** Interrupts the round under way and waits (up to 5 s) until the worker has left it. */
    @Override
    public void stop() {
        Thread t = thread;
        thread = null;
        if (t == null) {
            return;
        }
        t.interrupt();
        try {
            t.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    private void loop() {
        while (thread == Thread.currentThread()) {
            try {
                work();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("{}: the round failed, the next one tries again: {}", name, e.toString());
                try {
                    pause();
                } catch (InterruptedException stopped) {
                    return;
                }
            }
        }
    }
}

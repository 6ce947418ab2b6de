package dev.kassa.gateway;

import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One route's places: at most {@code places} calls hold one at once; the next ones wait in arrival order, at most
 * {@code maxWaiting} of them, without holding a thread (a waiting call is a {@link Ticket} whose turn is a signal).
 * Every call that {@link #enter() entered} calls {@link Ticket#leave()} exactly once, however it ended: a call that
 * holds a place passes it to the first one still waiting, a waiting call withdraws from the queue.
 */
final class RouteQueue {

    private final int places;
    private final int maxWaiting;
    private int taken; // guarded by this
    private final ArrayDeque<Ticket> waiting = new ArrayDeque<>(); // guarded by this

    RouteQueue(int places, int maxWaiting) {
        this.places = places;
        this.maxWaiting = maxWaiting;
    }

    /** A place at once, a place in the queue, or null: the queue is full. */
    Ticket enter() {
        synchronized (this) {
            if (taken < places && waiting.isEmpty()) {
                taken++;
                return new Ticket(Ticket.HOLDS);
            }
            if (waiting.size() >= maxWaiting) {
                return null;
            }
            Ticket ticket = new Ticket(Ticket.WAITS);
            waiting.add(ticket);
            return ticket;
        }
    }

    synchronized int inFlight() {
        return taken;
    }

    synchronized int queued() {
        return waiting.size();
    }

    /** A place was freed: it goes to the first call still waiting, or back to the route. */
    private void pass() {
        for (; ; ) {
            Ticket next;
            synchronized (this) {
                next = waiting.poll();
                if (next == null) {
                    taken--;
                    return;
                }
            }
            if (next.grant()) {
                return;
            }
            // that one had just given up (its wait ran out or its client left): the next in line
        }
    }

    private synchronized void remove(Ticket ticket) {
        waiting.remove(ticket);
    }

    final class Ticket {

        static final int WAITS = 0;
        static final int HOLDS = 1;
        static final int GONE = 2;

        private final AtomicInteger state;
        private final Sinks.One<Boolean> turn;

        private Ticket(int state) {
            this.state = new AtomicInteger(state);
            this.turn = state == WAITS ? Sinks.one() : null;
        }

        /**
         * True once the call holds a place, false if {@code wait} ran out first (the call then no longer waits). A call
         * whose place arrives at the very moment its wait runs out holds it.
         */
        Mono<Boolean> admitted(Duration wait) {
            if (turn == null) {
                return Mono.just(true);
            }
            return turn.asMono().timeout(wait, Mono.fromCallable(() -> !withdraw()));
        }

        /** The call ended (answered, failed, refused or cancelled): its place goes on, or it leaves the queue. */
        void leave() {
            if (state.compareAndSet(HOLDS, GONE)) {
                pass();
            } else {
                withdraw();
            }
        }

        private boolean grant() {
            if (state.compareAndSet(WAITS, HOLDS)) {
                turn.tryEmitValue(true);
                return true;
            }
            return false;
        }

        private boolean withdraw() {
            if (state.compareAndSet(WAITS, GONE)) {
                remove(this);
                return true;
            }
            return false;
        }
    }
}

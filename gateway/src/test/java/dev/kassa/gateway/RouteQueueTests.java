package dev.kassa.gateway;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class RouteQueueTests {

    @Test
    void placesGoToWaitingCallsInArrivalOrder() {
        RouteQueue queue = new RouteQueue(1, 5);
        RouteQueue.Ticket first = queue.enter();
        RouteQueue.Ticket second = queue.enter();
        RouteQueue.Ticket third = queue.enter();
        assertThat(first.admitted(Duration.ofSeconds(1)).block()).isTrue();
        assertThat(queue.queued()).isEqualTo(2);
        first.leave();
        assertThat(second.admitted(Duration.ofSeconds(1)).block())
                .as("the first in line got the place")
                .isTrue();
        assertThat(queue.queued()).isEqualTo(1);
        second.leave();
        assertThat(third.admitted(Duration.ofSeconds(1)).block()).isTrue();
        third.leave();
        assertThat(queue.inFlight()).isZero();
    }

    @Test
    void aCallWhoseWaitRanOutLeavesTheQueueAndTheNextPlaceSkipsIt() {
        RouteQueue queue = new RouteQueue(1, 5);
        RouteQueue.Ticket holder = queue.enter();
        RouteQueue.Ticket impatient = queue.enter();
        RouteQueue.Ticket patient = queue.enter();
        assertThat(impatient.admitted(Duration.ofMillis(50)).block()).isFalse();
        impatient.leave();
        assertThat(queue.queued()).isEqualTo(1);
        holder.leave();
        assertThat(patient.admitted(Duration.ofSeconds(1)).block()).isTrue();
        assertThat(queue.inFlight()).isEqualTo(1);
        patient.leave();
        assertThat(queue.inFlight()).isZero();
    }

    @Test
    void aFullQueueRefusesAtOnce() {
        RouteQueue queue = new RouteQueue(1, 1);
        assertThat(queue.enter()).isNotNull();
        assertThat(queue.enter()).isNotNull();
        assertThat(queue.enter()).isNull();
    }

    @Test
    void underConcurrentCallsTimeoutsAndCancellationsNoPlaceIsLostOrExceeded() throws Exception {
        RouteQueue queue = new RouteQueue(4, 1000);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger served = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(2000);
        for (int i = 0; i < 2000; i++) {
            Mono<Void> call = Mono.defer(() -> {
                        RouteQueue.Ticket ticket = queue.enter();
                        return ticket.admitted(Duration.ofMillis(
                                        ThreadLocalRandom.current().nextInt(1, 30)))
                                .flatMap(admitted -> admitted
                                        ? Mono.defer(() -> {
                                            most.accumulateAndGet(running.incrementAndGet(), Math::max);
                                            served.incrementAndGet();
                                            AtomicBoolean out = new AtomicBoolean();
                                            Runnable exit = () -> {
                                                if (out.compareAndSet(false, true)) {
                                                    running.decrementAndGet();
                                                }
                                            };
                                            // counted out before the place is passed on (doFinally would run after the
                                            // next call began)
                                            return Mono.delay(Duration.ofMillis(ThreadLocalRandom.current()
                                                            .nextInt(0, 3)))
                                                    .then()
                                                    .doOnTerminate(exit)
                                                    .doOnCancel(exit);
                                        })
                                        : Mono.<Void>empty())
                                .doFinally(signal -> ticket.leave());
                    })
                    .subscribeOn(Schedulers.parallel())
                    .doFinally(s -> done.countDown());
            Disposable subscribed = call.subscribe();
            if (i % 7 == 0) {
                subscribed.dispose(); // the client left, whatever the call was doing
            }
        }
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(most.get()).as("never more calls at once than places").isLessThanOrEqualTo(4);
        assertThat(served.get()).isPositive();
        // a call disposed while its subscription was starting may still be leaving: every place comes back soon
        Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                        List.of(queue.inFlight(), queue.queued()))
                .as("places held, calls waiting")
                .containsExactly(0, 0));
    }
}

package dev.kassa.platform.work;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class WorkerLoopTests {

    /** Fails its first two rounds (the database away), then waits in its round until it is stopped. */
    private static final class Worker extends WorkerLoop {
        final AtomicInteger rounds = new AtomicInteger();
        final AtomicInteger pauses = new AtomicInteger();
        final CountDownLatch left = new CountDownLatch(1);
        volatile Thread ranOn;

        Worker() {
            super("test-worker");
        }

        @Override
        protected void work() throws InterruptedException {
            ranOn = Thread.currentThread();
            if (rounds.incrementAndGet() <= 2) {
                throw new IllegalStateException("database away");
            }
            try {
                Thread.sleep(60_000);
            } finally {
                left.countDown();
            }
        }

        @Override
        protected void pause() {
            pauses.incrementAndGet();
        }
    }

    @Test
    void aFailedRoundIsFollowedByAPauseAndTheNextRoundAndStopWaitsUntilTheRoundIsLeft() throws Exception {
        Worker worker = new Worker();
        assertThat(worker.isRunning()).isFalse();

        worker.start();
        assertThat(worker.isRunning()).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> worker.rounds.get() == 3);
        assertThat(worker.pauses).hasValue(2);
        assertThat(worker.ranOn.getName()).isEqualTo("test-worker");
        assertThat(worker.ranOn.isDaemon()).isTrue();

        worker.stop();
        assertThat(worker.isRunning()).isFalse();
        assertThat(worker.left.getCount())
                .as("the round under way was interrupted before stop returned")
                .isZero();
        assertThat(worker.ranOn.isAlive()).isFalse();
        assertThat(worker.rounds).as("no round after stop").hasValue(3);
    }
}

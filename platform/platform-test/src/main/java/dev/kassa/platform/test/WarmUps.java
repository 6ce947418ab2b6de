package dev.kassa.platform.test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a service's warm-up must show (warm before ready, issue 66 point 5): its hot paths were there, each was taken in
 * the warm-up store (not skipped), and none failed. Takes the outcome's figures, not platform-starter's {@code
 * WarmUp.Outcome}: platform-starter's own tests use this module, which therefore cannot see its classes.
 */
public final class WarmUps {

    private WarmUps() {}

    /** Asserts the warm-up's outcome: {@code hotPaths} declared, {@code taken} of them taken, {@code failed} named. */
    public static void everyHotPathTaken(int hotPaths, int taken, List<String> failed) {
        assertThat(hotPaths).isPositive();
        assertThat(taken).as("taken in the warm-up store, not skipped").isEqualTo(hotPaths);
        assertThat(failed).isEmpty();
    }
}

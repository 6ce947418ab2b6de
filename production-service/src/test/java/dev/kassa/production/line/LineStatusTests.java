package dev.kassa.production.line;

import dev.kassa.platform.error.KassaException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A line's status move by move: any move but from down, which comes back idle first. */
class LineStatusTests {

    @Test
    void everyMoveIsAllowedButOutOfDownExceptToIdle() {
        for (LineStatus from : LineStatus.values()) {
            for (LineStatus to : LineStatus.values()) {
                boolean allowed = from == LineStatus.DOWN ? to == LineStatus.IDLE : from != to;
                assertThat(from.canBecome(to)).as(from + " → " + to).isEqualTo(allowed);
                if (!allowed) {
                    assertThatThrownBy(() -> from.moveTo(to))
                            .isInstanceOfSatisfying(KassaException.class, e -> assertThat(e.code())
                                    .isEqualTo("line_status"));
                }
            }
        }
    }
}

package dev.kassa.production.routing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What making a product takes: its operations in order (each on a kind of line or on one line, with its setup time and
 * its run rate in units an hour).
 */
public record Routing(
        long product, String productName, String unit, List<Operation> operations, Long updatedBy, Instant updatedAt) {

    /** One operation: {@code seq} from 1, on lines of {@code lineKind} or on {@code line}. */
    public record Operation(int seq, String name, String lineKind, Long line, int setupMinutes, BigDecimal runRate) {

        /** How long the operation takes for {@code quantity} units: its setup, then the run at its rate. */
        public Duration duration(BigDecimal quantity) {
            long runSeconds = quantity.multiply(BigDecimal.valueOf(3600))
                    .divide(runRate, 0, RoundingMode.CEILING)
                    .longValueExact();
            return Duration.ofMinutes(setupMinutes).plusSeconds(runSeconds);
        }
    }
}

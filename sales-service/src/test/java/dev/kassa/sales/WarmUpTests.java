package dev.kassa.sales;

import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.warmup.WarmUp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Warm before ready (issue 66, point 5): sales-service prints a receipt in every format before it is ready. */
@KassaIntegrationTest
class WarmUpTests {

    @Autowired
    WarmUp warmUp;

    @Test
    void aReceiptIsPrintedInEveryFormatWithoutFailing() {
        WarmUp.Outcome outcome = warmUp.warmUp();
        assertThat(outcome.hotPaths()).isPositive();
        assertThat(outcome.taken())
                .as("taken in the warm-up store, not skipped")
                .isEqualTo(outcome.hotPaths());
        assertThat(outcome.failed()).isEmpty();
    }
}

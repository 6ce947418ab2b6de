package dev.kassa.sales;

import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.WarmUps;
import dev.kassa.platform.warmup.WarmUp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Warm before ready (issue 66, point 5): sales-service prints a receipt in every format before it is ready. */
@KassaIntegrationTest
class WarmUpTests {

    @Autowired
    WarmUp warmUp;

    @Test
    void aReceiptIsPrintedInEveryFormatWithoutFailing() {
        WarmUp.Outcome outcome = warmUp.warmUp();
        WarmUps.everyHotPathTaken(outcome.hotPaths(), outcome.taken(), outcome.failed());
    }
}

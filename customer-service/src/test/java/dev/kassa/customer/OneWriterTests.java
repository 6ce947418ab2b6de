package dev.kassa.customer;

import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer's details and their balance have different writers (issue 37 #3): the owner editing the card while the till
 * takes debt payments loses neither. Saving the edited card wrote the whole row back, with the balance it had read.
 */
@KassaIntegrationTest
class OneWriterTests {

    @LocalServerPort
    int port;

    @Test
    void editsOfTheCardNeverPutBackABalanceThatPaymentsChanged() throws Exception {
        String store = TestStores.newKey("one");
        Api owner = Api.member(port, store, 7, "owner", "owner");
        Api cashier = Api.member(port, store, 8, "cashier", "cashier");
        long customer = cashier.post(
                        "/api/customers/customers/", json("first_name", "Гулнора", "phone", "+998901230001"))
                .at("/id")
                .asLong();
        assertThat(owner.post(
                                "/api/customers/customers/" + customer + "/adjust-balance/",
                                json("amount", "-500000", "reason", "Долг из тетради"))
                        .status())
                .isEqualTo(200);

        int rounds = 30;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < rounds; i++) {
                int n = i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return cashier.post(
                                    "/api/customers/customers/" + customer + "/add-payment/",
                                    json("amount", "1000", "payment_method", "cash"))
                            .status();
                }));
                answers.add(pool.submit(() -> {
                    start.await();
                    return owner.patch(
                                    "/api/customers/customers/" + customer + "/",
                                    json("notes", "Звонить после обеда " + n))
                            .status();
                }));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                assertThat(answer.get(60, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }

        Api.Response card = owner.get("/api/customers/customers/" + customer + "/");
        assertThat(new BigDecimal(card.text("/balance")))
                .as("every payment counted")
                .isEqualByComparingTo("-470000");
        assertThat(card.text("/notes")).startsWith("Звонить после обеда");
        Api.Response ledger = owner.get(
                "/api/customers/transactions/?customer=" + customer + "&transaction_type=payment&page_size=100");
        assertThat(ledger.at("/count").asInt()).isEqualTo(rounds);
        // each payment moved the balance the one before it left (newest-first order is by start time, so not checked
        // here)
        assertThat(ledger.at("/results").findValuesAsText("balance_after"))
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, rounds)
                        .mapToObj(i ->
                                new BigDecimal(-500000 + 1000 * i).setScale(2).toPlainString())
                        .toList());
    }
}

package dev.kassa.catalog;

import dev.kassa.platform.events.Topics;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.EventSamples;
import org.springframework.kafka.core.KafkaTemplate;

import java.util.UUID;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A till's sale as catalog sees it: a hold taken through the internal API, then its SaleCompleted as sales publishes it;
 * a refund as its SaleRefunded.
 */
record TillSales(int port, KafkaTemplate<String, String> kafka) {

    /** Sells {@code quantity} of {@code product} as sale {@code sale}, to {@code customer} (null: anonymous). */
    void sell(String store, long product, int quantity, String sale, Long customer) {
        String ref = hold(store, product, quantity);
        kafka.send(Topics.SALES, store, EventSamples.of("SaleCompleted").message(store, e -> e.set("/sale_id", sale)
                        .set("/receipt_number", "R-" + sale)
                        .set("/customer_id", customer)
                        .set("/customer_name", customer == null ? null : "Дилшод Рахимов")
                        .set("/customer_phone", customer == null ? null : "+998901234567")
                        .set("/lines/0/product_id", product)
                        .set("/lines/0/quantity", quantity + ".000")
                        .set("/lines/0/reservation_ref", ref)))
                .join();
    }

    /** Brings back {@code quantity} of {@code product} from {@code batch}, sold as sale {@code sale}, as sales publishes it. */
    void refund(String store, long product, long batch, int quantity, String sale) {
        kafka.send(Topics.SALES, store, EventSamples.of("SaleRefunded").message(store, e -> e.set("/sale_id", sale)
                        .set("/receipt_number", "R-" + sale)
                        .set("/lines/0/product_id", product)
                        .set("/lines/0/batch_id", batch)
                        .set("/lines/0/quantity", quantity + ".000")))
                .join();
    }

    /** A till's hold of {@code quantity} of {@code product}, as sales takes it while a sale is open; its reference. */
    String hold(String store, long product, int quantity) {
        String ref = UUID.randomUUID().toString();
        Api.Response held = Api.member(port, store, 3, "user3", "cashier")
                .asService()
                .post("/internal/reservations", json("request_ref", ref, "product_id", product, "quantity", quantity));
        assertThat(held.status()).as(held.toString()).isEqualTo(200);
        return ref;
    }
}

package dev.kassa.catalog;

import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Map;
import java.util.UUID;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Variants (issue 65 point 1): a shirt in sizes M and L, each with its own SKU, barcode, price, cost and stock, scanned at
 * the till as any product and listed with its parent and options.
 */
@KassaIntegrationTest
class VariantTests {

    @LocalServerPort
    int port;

    @Test
    void aShirtIsSoldInSizesEachWithItsOwnCodesPriceAndStock() {
        String store = TestStores.newKey("var");
        Api owner = Api.member(port, store, 1, "owner", "owner");
        Api.Response shirt = owner.post(
                "/api/products/products/",
                json(
                        "name",
                        "Рубашка льняная",
                        "sku",
                        "SHIRT-" + UUID.randomUUID().toString().substring(0, 6),
                        "cost_price",
                        60000,
                        "sale_price",
                        120000,
                        "unit",
                        "pcs"));
        assertThat(shirt.status()).as(shirt.toString()).isEqualTo(201);
        long parent = shirt.at("/id").asLong();
        String variants = "/api/products/products/" + parent + "/variants/";

        Api.Response m = owner.post(variants, json("options", Map.of("size", "M"), "initial_quantity", 5));
        assertThat(m.status()).as(m.toString()).isEqualTo(201);
        assertThat(m.text("/name")).isEqualTo("Рубашка льняная (M)");
        assertThat(m.at("/variant_of").asLong()).isEqualTo(parent);
        assertThat(m.text("/options/size")).isEqualTo("M");
        assertThat(m.text("/sale_price")).isEqualTo("120000.00");
        assertThat(m.text("/quantity")).isEqualTo("5.000");
        assertThat(m.text("/barcode")).hasSize(13);
        Api.Response l = owner.post(
                variants,
                json(
                        "options",
                        Map.of("size", "L"),
                        "sku",
                        "SHIRT-L-" + parent,
                        "sale_price",
                        130000,
                        "cost_price",
                        65000,
                        "initial_quantity",
                        3));
        assertThat(l.status()).as(l.toString()).isEqualTo(201);
        assertThat(l.text("/sku")).isEqualTo("SHIRT-L-" + parent);
        assertThat(l.text("/cost_price")).isEqualTo("65000.00");

        Api.Response listed = owner.get(variants);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body().findValuesAsText("name"))
                .containsExactly("Рубашка льняная (M)", "Рубашка льняная (L)");
        assertThat(owner.get("/api/products/products/" + parent + "/")
                        .at("/variant_of")
                        .isNull())
                .isTrue();

        // the till scans the L's barcode: the L at its own price
        Api.Response held = Api.member(port, store, 8, "cashier", "cashier")
                .asService()
                .post(
                        "/internal/reservations",
                        json(
                                "request_ref",
                                UUID.randomUUID().toString(),
                                "barcode",
                                l.text("/barcode"),
                                "quantity",
                                1));
        assertThat(held.status()).as(held.toString()).isEqualTo(200);
        assertThat(held.at("/product/id").asLong()).isEqualTo(l.at("/id").asLong());
        assertThat(held.text("/product/sale_price")).isEqualTo("130000.00");

        // refused, nothing made: the same size again, other option names, too many, a variant's variant, bad options
        Api.Response again = owner.post(variants, json("options", Map.of("size", "M")));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("/code")).isEqualTo("variant_taken");
        assertThat(again.at("/variant").asLong()).isEqualTo(m.at("/id").asLong());
        assertThat(owner.post(variants, json("options", Map.of("colour", "белый")))
                        .at("/errors/options")
                        .isArray())
                .isTrue();
        assertThat(owner.post(variants, json("options", Map.of("a", "1", "b", "2", "c", "3", "d", "4")))
                        .at("/errors/options")
                        .isArray())
                .isTrue();
        assertThat(owner.post(variants, json("options", Map.of("size", " ")))
                        .at("/errors/options")
                        .isArray())
                .isTrue();
        assertThat(owner.post(variants, json()).at("/errors/options").isArray()).isTrue();
        assertThat(owner.post(
                                "/api/products/products/" + m.at("/id").asLong() + "/variants/",
                                json("options", Map.of("size", "S")))
                        .text("/code"))
                .isEqualTo("variant_of_variant");
        assertThat(owner.get(variants).body().size()).isEqualTo(2);
        assertThat(owner.delete("/api/products/products/" + parent + "/").text("/code"))
                .as("a parent with variants is kept")
                .isEqualTo("product_in_use");

        Api cashier = Api.member(port, store, 3, "cashier", "cashier");
        assertThat(cashier.get(variants).status()).isEqualTo(200);
        assertThat(cashier.post(variants, json("options", Map.of("size", "S"))).text("/code"))
                .isEqualTo("permission_denied");
        assertThat(Api.member(port, TestStores.newKey("vao"), 1, "owner", "owner")
                        .get(variants)
                        .status())
                .isEqualTo(404);
        assertThat(owner.get("/api/products/products/999999/variants/").status())
                .isEqualTo(404);
        assertThat(new Api("http://localhost:" + port).in(store).get(variants).status())
                .isEqualTo(401);
    }
}

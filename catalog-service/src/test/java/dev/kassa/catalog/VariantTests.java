package dev.kassa.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.ImportedFiles;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.kassa.platform.test.Api.json;
import static dev.kassa.platform.test.ExportedFiles.csv;
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

    @Test
    void variantsLeaveInTheExportWithTheirParentAndOptionsAndComeBackInThroughTheImport() {
        String store = TestStores.newKey("vfe");
        Api owner = Api.member(port, store, 1, "owner", "owner");
        String sku = "TEE-" + UUID.randomUUID().toString().substring(0, 6);
        long parent = owner.post(
                        "/api/products/products/",
                        json("name", "Футболка", "sku", sku, "cost_price", 30000, "sale_price", 70000, "unit", "pcs"))
                .at("/id")
                .asLong();
        String variants = "/api/products/products/" + parent + "/variants/";
        owner.post(variants, json("options", Map.of("size", "M", "colour", "белый"), "sku", sku + "-MW"));
        owner.post(
                variants,
                json("options", Map.of("size", "L", "colour", "белый"), "sku", sku + "-LW", "initial_quantity", 4));
        owner.post("/api/products/products/", json("name", "Носки", "unit", "pcs", "sale_price", 9000));

        Api.Response listed = owner.get("/api/products/products/?variant_of=" + parent + "&ordering=name");
        assertThat(listed.body().at("/count").asInt())
                .as("the list filtered to a parent's variants")
                .isEqualTo(2);

        Api.Response file = owner.get("/api/products/products/export?ordering=name");
        assertThat(file.status()).as(file.toString()).isEqualTo(200);
        List<List<String>> rows = csv(file.bytes(), ';');
        List<String> header = rows.get(0);
        int variantOf = header.indexOf("Вариант товара (артикул)");
        int options = header.indexOf("Параметры варианта");
        assertThat(variantOf).as(header.toString()).isPositive();
        assertThat(options).isPositive();
        List<String> large = rows.stream()
                .filter(r -> r.get(0).equals(sku + "-LW"))
                .findFirst()
                .orElseThrow();
        assertThat(large.get(variantOf)).isEqualTo(sku);
        assertThat(large.get(options)).isIn("size: L; colour: белый", "colour: белый; size: L");
        assertThat(rows.stream()
                        .filter(r -> r.get(0).equals(sku))
                        .findFirst()
                        .orElseThrow()
                        .get(variantOf))
                .as("a parent names no parent")
                .isEmpty();

        // newest first, a variant still comes after its parent: a long file comes back in whatever its chunks
        List<List<String>> newest =
                csv(owner.get("/api/products/products/export").bytes(), ';');
        List<String> skus = newest.stream().map(r -> r.get(0)).toList();
        assertThat(skus.indexOf(sku)).isLessThan(skus.indexOf(sku + "-MW")).isLessThan(skus.indexOf(sku + "-LW"));

        // the file into another store: the parent, its two variants linked to it, the socks; again: nothing changes
        String other = TestStores.newKey("vfi");
        Api there = Api.member(port, other, 1, "owner", "owner");
        JsonNode dry = ImportedFiles.finished(
                there,
                there.multipart("POST", "/api/products/imports/?dry_run=true", upload(file.bytes())),
                "/api/products/imports/");
        assertThat(dry.path("counts").toString())
                .isEqualTo("{\"created\":4,\"updated\":0,\"unchanged\":0,\"refused\":0}");
        assertThat(there.get("/api/products/products/").at("/count").asInt()).isZero();
        JsonNode job = ImportedFiles.finished(
                there,
                there.multipart("POST", "/api/products/imports/", upload(file.bytes())),
                "/api/products/imports/");
        assertThat(job.path("counts").toString())
                .as(job.toString())
                .isEqualTo("{\"created\":4,\"updated\":0,\"unchanged\":0,\"refused\":0}");
        JsonNode theirParent =
                there.get("/api/products/products/?search=" + sku + "&ordering=name").body().findParents("sku").stream()
                        .filter(p -> p.path("sku").asText().equals(sku))
                        .findFirst()
                        .orElseThrow();
        Api.Response theirVariants =
                there.get("/api/products/products/" + theirParent.path("id").asLong() + "/variants/");
        assertThat(theirVariants.body().findValuesAsText("sku")).containsExactlyInAnyOrder(sku + "-MW", sku + "-LW");
        JsonNode theirLarge = theirVariants.body().findParents("sku").stream()
                .filter(v -> v.path("sku").asText().equals(sku + "-LW"))
                .findFirst()
                .orElseThrow();
        assertThat(theirLarge.at("/options/size").asText()).isEqualTo("L");
        assertThat(theirLarge.at("/options/colour").asText()).isEqualTo("белый");
        assertThat(theirLarge.path("quantity").asText()).isEqualTo("4.000");
        JsonNode again = ImportedFiles.finished(
                there,
                there.multipart("POST", "/api/products/imports/", upload(file.bytes())),
                "/api/products/imports/");
        assertThat(again.path("counts").toString())
                .isEqualTo("{\"created\":0,\"updated\":0,\"unchanged\":4,\"refused\":0}");

        // a variant row whose parent is unknown, one without options, one whose size is taken: each refused in its
        // place
        String csv = "Артикул;Наименование;Вариант товара (артикул);Параметры варианта\r\n"
                + "X-1;Кепка (M);NO-SUCH;size: M\r\n"
                + "X-2;Футболка (S);" + sku + ";\r\n"
                + "X-3;Футболка (M);" + sku + ";\"size: M; colour: белый\"\r\n"
                + "X-4;Футболка (XL);" + sku + ";\"size: XL; colour: белый\"\r\n";
        JsonNode mixed = ImportedFiles.finished(
                there,
                there.multipart("POST", "/api/products/imports/", upload(csv.getBytes(StandardCharsets.UTF_8))),
                "/api/products/imports/");
        List<String> errors = new ArrayList<>();
        mixed.path("errors")
                .forEach(e ->
                        errors.add(e.path("row").asInt() + " " + e.path("code").asText()));
        assertThat(errors)
                .as(mixed.toString())
                .containsExactly(
                        "2 catalog.variant_parent_unknown", "3 catalog.variant_option_invalid", "4 variant_taken");
        assertThat(mixed.at("/counts/created").asInt()).isEqualTo(1);
        assertThat(there.get("/api/products/products/?variant_of="
                                + theirParent.path("id").asLong())
                        .at("/count")
                        .asInt())
                .isEqualTo(3);
    }

    static Api.Form upload(byte[] bytes) {
        return new Api.Form().file("file", "products.csv", "text/csv", bytes);
    }
}

package dev.kassa.catalog;

import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.Boundaries;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Product images (spec C21, C27, issue 12): a gallery per product, checked from the bytes, served back per store. */
@KassaIntegrationTest
class ProductImageTests {

    @LocalServerPort
    int port;

    Api as(String store, String role) {
        return Api.member(port, store, 3, role, role);
    }

    @Test
    void aProductShowsItsImagesInTheGalleryOrderAndServesThemBack() {
        String store = TestStores.newKey("img");
        Api manager = as(store, "manager");
        long cola = manager.post("/api/products/products/", json("name", "Coca-Cola 1.5L", "sale_price", 12000))
                .at("/id")
                .asLong();
        long fanta = manager.post("/api/products/products/", json("name", "Fanta 1L", "sale_price", 11000))
                .at("/id")
                .asLong();

        Api.Response front = manager.multipart(
                "POST",
                "/api/products/products/" + cola + "/add_image/",
                new Api.Form()
                        .file("image", "front.png", "image/png", Api.Images.png())
                        .field("alt_text", "Спереди")
                        .field("order", "1"));
        assertThat(front.status()).as(front.toString()).isEqualTo(201);
        assertThat(front.text("/content_type")).isEqualTo("image/png");
        assertThat(front.text("/image_url")).startsWith("http://localhost:" + port + "/api/products/files/");
        Api.Response label = manager.multipart(
                "POST",
                "/api/products/product-images/",
                new Api.Form()
                        .field("product", cola)
                        .file("image", "label.jpg", "image/jpeg", Api.Images.jpeg())
                        .field("order", "0"));
        assertThat(label.status()).as(label.toString()).isEqualTo(201);

        Api.Response detail = manager.get("/api/products/products/" + cola + "/");
        assertThat(detail.at("/images").size()).isEqualTo(2);
        assertThat(detail.text("/main_image"))
                .as("the first in the gallery's order")
                .isEqualTo(label.text("/image_url"));
        assertThat(detail.text("/images/1/alt_text")).isEqualTo("Спереди");
        assertThat(manager.get("/api/products/products/?has_images=true")
                        .at("/count")
                        .asInt())
                .isEqualTo(1);
        assertThat(manager.get("/api/products/products/?has_images=false")
                        .at("/results/0/id")
                        .asLong())
                .isEqualTo(fanta);
        assertThat(manager.get("/api/products/products/?has_images=true").text("/results/0/main_image"))
                .isEqualTo(label.text("/image_url"));

        Api.Response cashierSees = as(store, "cashier").get(front.text("/image"));
        assertThat(cashierSees.status()).isEqualTo(200);
        assertThat(cashierSees.header("Content-Type")).isEqualTo("image/png");
        assertThat(cashierSees.bytes()).isEqualTo(Api.Images.png());

        // reorder, list, delete
        assertThat(manager.patch(
                                "/api/products/product-images/"
                                        + front.at("/id").asLong() + "/",
                                json("order", 0, "alt_text", "Главное"))
                        .text("/alt_text"))
                .isEqualTo("Главное");
        assertThat(manager.get("/api/products/product_images/?product=" + cola + "&ordering=-created_at")
                        .at("/results/0/id")
                        .asLong())
                .isEqualTo(label.at("/id").asLong());
        assertThat(manager.get("/api/products/product-images/?product=" + fanta)
                        .at("/count")
                        .asInt())
                .isZero();
        assertThat(manager.delete("/api/products/product-images/"
                                + label.at("/id").asLong() + "/")
                        .status())
                .isEqualTo(204);
        assertThat(manager.get(label.text("/image")).status())
                .as("its file goes with it")
                .isEqualTo(404);
        assertThat(manager.get("/api/products/products/" + cola + "/").text("/main_image"))
                .isEqualTo(front.text("/image_url"));

        // deleting the product forgets its files
        assertThat(as(store, "owner")
                        .delete("/api/products/products/" + cola + "/")
                        .status())
                .isEqualTo(204);
        assertThat(manager.get(front.text("/image")).status()).isEqualTo(404);
    }

    @Test
    void onlyImagesWithinTheLimitAreTakenAndBadFormsAreRefusedByField() {
        String store = TestStores.newKey("imgbad");
        Api manager = as(store, "manager");
        long cola = manager.post("/api/products/products/", json("name", "Coca-Cola 1.5L", "sale_price", 12000))
                .at("/id")
                .asLong();

        Api.Response pdf = manager.multipart(
                "POST",
                "/api/products/products/" + cola + "/add_image/",
                new Api.Form().file("image", "cola.png", "image/png", "%PDF-1.7 not an image".getBytes()));
        assertThat(pdf.status()).isEqualTo(415);
        assertThat(pdf.text("/code")).isEqualTo("unsupported_media_type");
        Api.Response big = manager.multipart(
                "POST",
                "/api/products/products/" + cola + "/add_image/",
                new Api.Form().file("image", "cola.jpg", "image/jpeg", Api.Images.jpeg(5 * 1024 * 1024 + 1)));
        assertThat(big.status()).isEqualTo(413);
        assertThat(big.text("/code")).isEqualTo("file_too_large");
        assertThat(manager.multipart(
                                "POST",
                                "/api/products/products/" + cola + "/add_image/",
                                new Api.Form().field("alt_text", "без файла"))
                        .at("/errors/image")
                        .isArray())
                .isTrue();
        assertThat(manager.multipart(
                                "POST",
                                "/api/products/products/999999/add_image/",
                                new Api.Form().file("image", "x.png", "image/png", Api.Images.png()))
                        .status())
                .isEqualTo(404);
        Api.Response unknown = manager.multipart(
                "POST",
                "/api/products/product-images/",
                new Api.Form()
                        .field("product", 999999)
                        .field("order", "-1")
                        .file("image", "x.png", "image/png", Api.Images.png()));
        assertThat(unknown.at("/errors/product").isArray()).isTrue();
        assertThat(unknown.at("/errors/order").isArray()).isTrue();
        assertThat(manager.get("/api/products/product-images/?ordering=size")
                        .at("/errors/ordering")
                        .isArray())
                .isTrue();
        assertThat(manager.get("/api/products/products/" + cola + "/")
                        .at("/images")
                        .size())
                .as("nothing stored")
                .isZero();

        // cashiers see images but do not change them; another store sees none of them
        long image = manager.multipart(
                        "POST",
                        "/api/products/products/" + cola + "/add_image/",
                        new Api.Form().file("image", "x.png", "image/png", Api.Images.png()))
                .at("/id")
                .asLong();
        Api cashier = as(store, "cashier");
        assertThat(cashier.get("/api/products/product-images/" + image + "/").status())
                .isEqualTo(200);
        assertThat(cashier.multipart(
                                "POST",
                                "/api/products/products/" + cola + "/add_image/",
                                new Api.Form().file("image", "x.png", "image/png", Api.Images.png()))
                        .status())
                .isEqualTo(403);
        assertThat(cashier.delete("/api/products/product-images/" + image + "/").status())
                .isEqualTo(403);
        String other = TestStores.newKey("imgoth");
        String path = manager.get("/api/products/product-images/" + image + "/").text("/image");
        assertThat(as(other, "owner").get(path).status()).isEqualTo(404);
        assertThat(as(other, "owner")
                        .get("/api/products/product-images/" + image + "/")
                        .status())
                .isEqualTo(404);
        Boundaries.assertGuarded(
                new Api("http://localhost:" + port),
                store,
                List.of(
                        "GET /api/products/product-images/",
                        "POST /api/products/product-images/",
                        "POST /api/products/products/" + cola + "/add_image/",
                        "GET /api/products/product-images/" + image + "/",
                        "PATCH /api/products/product-images/" + image + "/",
                        "DELETE /api/products/product-images/" + image + "/",
                        "GET " + path));
    }
}

package dev.kassa.sales;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import dev.kassa.platform.test.Api;
import dev.kassa.platform.test.KassaIntegrationTest;
import dev.kassa.platform.test.TestStores;
import dev.kassa.platform.test.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static dev.kassa.platform.test.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A café's floor (issue 65 points 4 and 6): areas and tables set up by a manager, each table's QR code (decoded back, as a
 * guest's phone reads it) opening its public menu, a page or JSON with an ETag, that shows what may be ordered and nothing
 * else of the store; a new QR code withdraws the old link.
 */
@KassaIntegrationTest
class FloorTests {

    static final FakeCatalog catalog = new FakeCatalog();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("kassa.sales.catalog-url", catalog::url);
    }

    @AfterAll
    static void stop() {
        catalog.close();
    }

    @LocalServerPort
    int port;

    Api as(String store, long user, String role) {
        return Api.member(port, store, user, "user" + user, role);
    }

    Api guest() {
        return new Api("http://localhost:" + port);
    }

    static String path(String url) {
        return URI.create(url).getPath();
    }

    @Test
    void aTablesQrCodeOpensItsMenuForGuestsWithoutALogin() throws Exception {
        String store = TestStores.newKey("flr");
        Api manager = as(store, 9, "manager");
        Api cashier = as(store, 5, "cashier");

        long hall = manager.post("/api/sales/areas/", json("name", "Зал", "position", 1))
                .at("/id")
                .asLong();
        Api.Response terrace = manager.post("/api/sales/areas/", json("name", "Терраса", "position", 2));
        assertThat(terrace.status()).as(terrace.toString()).isEqualTo(201);
        Api.Response table = manager.post("/api/sales/tables/", json("name", "1", "area", hall, "seats", 4));
        assertThat(table.status()).as(table.toString()).isEqualTo(201);
        assertThat(table.text("/area_name")).isEqualTo("Зал");
        assertThat(table.at("/seats").asInt()).isEqualTo(4);
        long id = table.at("/id").asLong();
        String menuUrl = table.text("/menu_url");
        assertThat(path(menuUrl)).matches("/m/[A-Za-z0-9_-]{24}");
        // the same name in another area is another table; twice in one area it is not
        assertThat(manager.post(
                                "/api/sales/tables/",
                                json("name", "1", "area", terrace.at("/id").asLong()))
                        .status())
                .isEqualTo(201);
        assertThat(manager.post("/api/sales/tables/", json("name", "1", "area", hall))
                        .at("/errors/name")
                        .isArray())
                .isTrue();
        assertThat(cashier.get("/api/sales/tables/?area=" + hall).body().size()).isEqualTo(1);
        assertThat(cashier.get("/api/sales/areas/").at("/0/tables_count").asInt())
                .isEqualTo(1);

        // what a guest's phone reads from the printed code is the table's menu link
        Api.Response png = cashier.get("/api/sales/tables/" + id + "/qr/");
        assertThat(png.status()).as(png.toString()).isEqualTo(200);
        assertThat(png.header("Content-Type")).startsWith("image/png");
        String read = new QRCodeReader()
                .decode(
                        new BinaryBitmap(new HybridBinarizer(
                                new BufferedImageLuminanceSource(ImageIO.read(new ByteArrayInputStream(png.bytes()))))),
                        Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
                .getText();
        assertThat(read).isEqualTo(menuUrl);
        Api.Response svg = cashier.get("/api/sales/tables/" + id + "/qr/?format=svg");
        assertThat(svg.header("Content-Type")).startsWith("image/svg+xml");
        assertThat(new String(svg.bytes(), StandardCharsets.UTF_8)).contains("<svg", "viewBox=");

        // the guest's page: no login, what may be ordered by category with prices, the table's name
        Api.Response page = guest().get(path(menuUrl));
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.raw())
                .contains("Стол 1", "Зал", "Кофе", "Капучино", "300 мл", "12 000,00", "Другое", "Круассан")
                .contains("Молоко (выберите 1): Обычное, Овсяное +5 000,00")
                .contains("Доп. шот (от 0 до 2): Шот +3 000,00");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(page.header("X-Robots-Tag")).contains("noindex");
        assertThat(catalog.menuCalls).contains("null " + store);
        // a reload costs nothing when the menu did not change
        String etag = page.header("ETag");
        Api.Response again = guest().header("If-None-Match", etag).get(path(menuUrl));
        assertThat(again.status()).isEqualTo(304);

        // an app reads the same menu as JSON: names and prices, never costs, stock or anything else of the store
        Api.Response json = guest().header("Accept", "application/json").get(path(menuUrl));
        assertThat(json.status()).as(json.toString()).isEqualTo(200);
        assertThat(json.text("/table")).isEqualTo("1");
        assertThat(json.text("/categories/0/name")).isEqualTo("Кофе");
        assertThat(json.text("/categories/0/items/0/price")).isEqualTo("12000.00");
        assertThat(json.text("/categories/1/items/0/name")).isEqualTo("Круассан");
        assertThat(json.at("/categories/0/items/0").fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("id", "name", "description", "price", "unit", "modifier_groups");
        assertThat(json.text("/categories/0/items/0/modifier_groups/0/name")).isEqualTo("Молоко");
        assertThat(json.text("/categories/0/items/0/modifier_groups/0/options/1/price"))
                .isEqualTo("5000.00");
        assertThat(json.at("/categories/1/items/0/modifier_groups").size()).isZero();
        assertThat(json.header("ETag")).isNotEqualTo(etag);

        // the croissant sold out: the menu changes, and so does its ETag
        catalog.menu = List.of(FakeCatalog.menuItem(18, "Капучино", "300 мл", "12000.00", 3L, "Кофе"));
        Api.Response soldOut = guest().header("If-None-Match", etag).get(path(menuUrl));
        assertThat(soldOut.status()).isEqualTo(200);
        assertThat(soldOut.raw()).doesNotContain("Круассан");

        // a new QR code: the old link is gone for good, the new one works
        Api.Response renewed = manager.post("/api/sales/tables/" + id + "/new-link/", null);
        assertThat(renewed.status()).as(renewed.toString()).isEqualTo(200);
        assertThat(renewed.text("/menu_url")).isNotEqualTo(menuUrl);
        Api.Response old = guest().get(path(menuUrl));
        assertThat(old.status()).isEqualTo(410);
        assertThat(old.text("/code")).isEqualTo("menu_link_withdrawn");
        assertThat(guest().get(path(renewed.text("/menu_url"))).status()).isEqualTo(200);

        // a table switched off has no menu; a deleted one's link is withdrawn
        assertThat(manager.patch("/api/sales/tables/" + id + "/", json("is_active", false))
                        .status())
                .isEqualTo(200);
        assertThat(guest().get(path(renewed.text("/menu_url"))).text("/code")).isEqualTo("menu_link_unknown");
        assertThat(manager.delete("/api/sales/tables/" + id + "/").status()).isEqualTo(204);
        assertThat(guest().get(path(renewed.text("/menu_url"))).status()).isEqualTo(410);
        assertThat(cashier.get("/api/sales/tables/" + id + "/").text("/code")).isEqualTo("table_not_found");

        // an area with tables stays; an empty one goes
        Api.Response inUse =
                manager.delete("/api/sales/areas/" + terrace.at("/id").asLong() + "/");
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.text("/code")).isEqualTo("area_in_use");
        assertThat(manager.delete("/api/sales/areas/" + hall + "/").status()).isEqualTo(204);
    }

    @Test
    void aMenuLinkRevealsNothingElseAndTheFloorRefusesBadInputRolesAndOtherStores() {
        String store = TestStores.newKey("flx");
        Api manager = as(store, 9, "manager");
        Api cashier = as(store, 5, "cashier");
        Api.Response table = manager.post("/api/sales/tables/", json("name", "7"));
        assertThat(table.status()).as(table.toString()).isEqualTo(201);
        long id = table.at("/id").asLong();
        String menu = path(table.text("/menu_url"));

        // a token that is none, one no table has: the same neutral 404; nothing under the menu's path is public
        assertThat(guest().get("/m/abc").text("/code")).isEqualTo("menu_link_unknown");
        assertThat(guest().get("/m/AAAAAAAAAAAAAAAAAAAAAAAA").text("/code")).isEqualTo("menu_link_unknown");
        assertThat(guest().get(menu + "/orders").status())
                .as("a guest's order is only sent, never read back")
                .isEqualTo(405);
        assertThat(guest().get(menu + "/anything").status()).isEqualTo(401);
        assertThat(guest().get("/api/sales/tables/").status()).isEqualTo(401);

        // bad input: no name, a name too long, an unknown area, too many seats, a bad QR format or size
        assertThat(manager.post("/api/sales/tables/", json("seats", 2))
                        .at("/errors/name")
                        .isArray())
                .isTrue();
        assertThat(manager.post("/api/sales/tables/", json("name", "x".repeat(51)))
                        .at("/errors/name")
                        .isArray())
                .isTrue();
        assertThat(manager.post("/api/sales/tables/", json("name", "8", "area", 999))
                        .at("/errors/area")
                        .isArray())
                .isTrue();
        assertThat(manager.post("/api/sales/tables/", json("name", "8", "seats", 101))
                        .at("/errors/seats")
                        .isArray())
                .isTrue();
        assertThat(manager.post("/api/sales/areas/", json("position", 1))
                        .at("/errors/name")
                        .isArray())
                .isTrue();
        assertThat(manager.post("/api/sales/areas/", "not json").status()).isEqualTo(400);
        assertThat(manager.post("/api/sales/areas/", json("name", "Зал")).status())
                .isEqualTo(201);
        assertThat(manager.post("/api/sales/areas/", json("name", "зал"))
                        .at("/errors/name")
                        .isArray())
                .isTrue();
        assertThat(cashier.get("/api/sales/tables/" + id + "/qr/?format=gif")
                        .at("/errors/format")
                        .isArray())
                .isTrue();
        assertThat(cashier.get("/api/sales/tables/" + id + "/qr/?size=41")
                        .at("/errors/size")
                        .isArray())
                .isTrue();
        assertThat(cashier.get("/api/sales/tables/abc/").status())
                .as("no table has such an id")
                .isEqualTo(404);

        // a cashier sees the floor but does not set it up; no token; another store's owner; another store's tables
        assertThat(cashier.post("/api/sales/tables/", json("name", "9")).text("/code"))
                .isEqualTo("permission_denied");
        assertThat(cashier.patch("/api/sales/tables/" + id + "/", json("seats", 2))
                        .text("/code"))
                .isEqualTo("permission_denied");
        assertThat(cashier.post("/api/sales/tables/" + id + "/new-link/", null).text("/code"))
                .isEqualTo("permission_denied");
        assertThat(cashier.delete("/api/sales/tables/" + id + "/").text("/code"))
                .isEqualTo("permission_denied");
        assertThat(cashier.post("/api/sales/areas/", json("name", "Бар")).text("/code"))
                .isEqualTo("permission_denied");
        String other = TestStores.newKey("flo");
        assertThat(new Api("http://localhost:" + port)
                        .as(TestTokens.token(1, "user1", Map.of(other, "owner")))
                        .in(store)
                        .get("/api/sales/tables/")
                        .text("/code"))
                .isEqualTo("not_a_member");
        assertThat(as(other, 1, "owner").get("/api/sales/tables/" + id + "/").text("/code"))
                .isEqualTo("table_not_found");
        assertThat(as(other, 1, "owner").get("/api/sales/tables/").body().size())
                .isZero();

        // nothing of the refused calls was stored, and the menu still opens
        assertThat(cashier.get("/api/sales/tables/").body().size()).isEqualTo(1);
        assertThat(cashier.get("/api/sales/tables/" + id + "/").at("/seats").asInt())
                .isZero();
        assertThat(guest().get(menu).status()).isEqualTo(200);
    }

    @Test
    void theMenuPageAnswersItsOwnPolicyWithAFreshNonceAndAnUnchangedMenuStillCostsA304() {
        // issue 84 point 10: the page's style needed 'unsafe-inline', which the gateway replaced with its own policy
        Api.Response table = as(TestStores.newKey("flp"), 9, "manager").post("/api/sales/tables/", json("name", "3"));
        assertThat(table.status()).as(table.toString()).isEqualTo(201);
        String menu = path(table.text("/menu_url"));
        Api.Response first = guest().get(menu);
        Api.Response second = guest().get(menu);
        String nonce = PublicPages.nonce(first);
        assertThat(PublicPages.nonce(second))
                .as("a fresh nonce for every answer")
                .isNotEqualTo(nonce);
        assertThat(first.header("Content-Security-Policy")).doesNotContain("img-src", "'self'", "*");
        assertThat(second.header("ETag"))
                .as("the page is tagged by its menu, not by its nonce")
                .isNotBlank()
                .isEqualTo(first.header("ETag"));
        Api.Response again =
                guest().header("If-None-Match", first.header("ETag")).get(menu);
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.header("Content-Security-Policy"))
                .as("the browser keeps the page it has under the policy (and nonce) it came with")
                .isNull();
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));
    }
}

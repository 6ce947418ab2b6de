package dev.kassa.sales.floor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import dev.kassa.platform.error.Messages;
import dev.kassa.sales.catalog.CatalogMenu;
import dev.kassa.sales.print.Formats;
import dev.kassa.sales.print.PagePolicy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The guests' menu at a table's public link (issue 65 point 6): no login; the gateway limits the calls of each address.
 * A phone's browser gets a web page, an app {@code Accept: application/json} (or {@code ?format=json}) the same menu as
 * JSON; either with an ETag, so that a guest's reload costs a 304. The page loads nothing from elsewhere and is not
 * indexed; its Content-Security-Policy lets in only its own style, by a fresh nonce per answer ({@link PagePolicy});
 * nothing but the menu and the store's and table's names is reachable through it.
 */
@RestController
class GuestMenuController {

    private static final Template PAGE = Mustache.compiler()
            .escapeHTML(true)
            .emptyStringIsFalse(true)
            .defaultValue("")
            .compile(template());

    private final GuestMenuService menus;
    private final ObjectMapper json;

    GuestMenuController(GuestMenuService menus, ObjectMapper json) {
        this.menus = menus;
        this.json = json;
    }

    @Operation(
            summary = "A table's menu for guests (public, no login): a web page, or JSON with Accept: application/json "
                    + "or ?format=json; what may be ordered now, by category, with prices; ETag and If-None-Match (304); "
                    + "404 menu_link_unknown, 410 menu_link_withdrawn")
    @ApiResponse(
            responseCode = "200",
            description = "The menu",
            content = {
                @Content(mediaType = "text/html", schema = @Schema(type = "string")),
                @Content(
                        mediaType = "application/json",
                        schema = @Schema(implementation = GuestMenuService.GuestMenu.class))
            })
    @GetMapping("/m/{token}")
    ResponseEntity<byte[]> menu(
            @PathVariable String token,
            @RequestParam(required = false) String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            // the summary says it; as a parameter it would only repeat HTTP's own conditional request
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false)
                    String ifNoneMatch) {
        GuestMenuService.GuestMenu menu = menus.menu(token);
        boolean asJson = "json".equals(format)
                || (format == null
                        && accept != null
                        && accept.contains("application/json")
                        && !accept.contains("text/html"));
        HttpHeaders headers = new HttpHeaders();
        headers.setCacheControl(CacheControl.noCache());
        headers.setVary(List.of(HttpHeaders.ACCEPT, HttpHeaders.ACCEPT_LANGUAGE));
        headers.set("X-Robots-Tag", "noindex, nofollow");
        headers.set("Referrer-Policy", "no-referrer");
        if (asJson) {
            // the platform's ETag filter (kassa.web.etag-paths) tags the body and answers an unchanged If-None-Match
            // with 304
            return ResponseEntity.ok()
                    .headers(headers)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(bytes(menu));
        }
        // the page's style carries a fresh nonce each time (its Content-Security-Policy, PagePolicy): tagged without
        // it, an unchanged menu is a 304 without a policy, and the browser keeps its page under the policy it came with
        headers.setETag(PagePolicy.etag(page(menu, "")));
        if (PagePolicy.unchanged(ifNoneMatch, headers.getETag())) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                    .headers(headers)
                    .build();
        }
        String nonce = PagePolicy.nonce();
        headers.set(PagePolicy.HEADER, PagePolicy.header(nonce, false));
        return ResponseEntity.ok()
                .headers(headers)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(page(menu, nonce).getBytes(StandardCharsets.UTF_8));
    }

    private byte[] bytes(GuestMenuService.GuestMenu menu) {
        try {
            return json.writeValueAsBytes(menu);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The page, its style carrying {@code nonce}. */
    private static String page(GuestMenuService.GuestMenu menu, String nonce) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("lang", Messages.language());
        page.put("nonce", nonce);
        page.put("store", menu.store());
        page.put("table", Messages.get("sales.menu.table", menu.table()));
        page.put("area", menu.area());
        page.put("empty", menu.categories().isEmpty() ? Messages.get("sales.menu.empty") : null);
        page.put(
                "categories",
                menu.categories().stream()
                        .map(c -> Map.of(
                                "name",
                                c.name(),
                                "items",
                                c.items().stream()
                                        .map(i -> Map.of(
                                                "name",
                                                i.name(),
                                                "description",
                                                i.description() == null ? "" : i.description(),
                                                "price",
                                                Formats.money(i.price()),
                                                "unit",
                                                i.unit() == null ? "" : i.unit(),
                                                "groups",
                                                i.modifierGroups().stream()
                                                        .map(GuestMenuController::group)
                                                        .toList()))
                                        .toList()))
                        .toList());
        return PAGE.execute(page);
    }

    /** A modifier group as the page lists it: its name, what to choose, each option with what it adds. */
    private static Map<String, Object> group(CatalogMenu.MenuGroup g) {
        return Map.of(
                "name",
                g.name(),
                "choose",
                g.min() == g.max()
                        ? Messages.get("sales.menu.choose_exactly", g.min())
                        : Messages.get("sales.menu.choose_between", g.min(), g.max()),
                "options",
                g.options().stream()
                        .map(o -> Map.of(
                                "name",
                                o.name(),
                                "price",
                                o.price().signum() == 0 ? "" : "+" + Formats.money(o.price())))
                        .toList());
    }

    private static String template() {
        try (InputStream in = GuestMenuController.class.getResourceAsStream("/menu/menu.mustache")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

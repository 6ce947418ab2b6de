package dev.kassa.sales.floor;

import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.print.QrCodes;
import dev.kassa.platform.security.Access;
import dev.kassa.platform.validation.Whole;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A café's areas and tables (issue 65 point 4, QRes' locations and tables): waiters and everyone who sells see them;
 * managers and owners set them up. Each table answers the guests' menu link its QR code opens.
 */
@RestController
class FloorController {

    private final FloorService floor;

    FloorController(FloorService floor) {
        this.floor = floor;
    }

    @Operation(
            summary = "The café's settings: guest_ordering (guests order from their table's menu; a waiter confirms)")
    @GetMapping("/api/sales/cafe-settings")
    @PreAuthorize(Access.TAKE_ORDERS)
    CafeSettingsRepository.CafeSettings settings() {
        return floor.settings();
    }

    @Operation(summary = "Change the café's settings: {guest_ordering}")
    @PutMapping("/api/sales/cafe-settings")
    @PreAuthorize(Access.MANAGE_SALES)
    CafeSettingsRepository.CafeSettings updateSettings(@Valid @RequestBody FloorService.SettingsRequest request) {
        return floor.updateSettings(request);
    }

    @Operation(summary = "The store's areas (the hall, the terrace) in their order, with their number of tables")
    @GetMapping("/api/sales/areas")
    @PreAuthorize(Access.TAKE_ORDERS)
    List<AreaRepository.Area> areas(@RequestParam(name = "is_active", required = false) Boolean active) {
        return floor.areas(active);
    }

    @Operation(summary = "Add an area: {name, position?, is_active?}")
    @PostMapping("/api/sales/areas")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Access.MANAGE_SALES)
    AreaRepository.Area createArea(@Validated(Whole.class) @RequestBody FloorService.AreaRequest request) {
        return floor.createArea(request);
    }

    @Operation(summary = "One area")
    @GetMapping("/api/sales/areas/{id}")
    @PreAuthorize(Access.TAKE_ORDERS)
    AreaRepository.Area area(@PathVariable long id) {
        return floor.area(id);
    }

    @Operation(summary = "Rename an area, move it in the order or switch it off")
    @PatchMapping("/api/sales/areas/{id}")
    @PreAuthorize(Access.MANAGE_SALES)
    AreaRepository.Area updateArea(@PathVariable long id, @Valid @RequestBody FloorService.AreaRequest request) {
        return floor.updateArea(id, request);
    }

    @Operation(summary = "Delete an area without tables (409 area_in_use otherwise)")
    @DeleteMapping("/api/sales/areas/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(Access.MANAGE_SALES)
    void deleteArea(@PathVariable long id) {
        floor.deleteArea(id);
    }

    @Operation(
            summary =
                    "The store's tables by area (filters area, is_active), each with its guests' menu link (menu_url) "
                            + "and QR code (qr_url)")
    @GetMapping("/api/sales/tables")
    @PreAuthorize(Access.TAKE_ORDERS)
    List<FloorService.TableView> tables(
            @RequestParam(required = false) Long area,
            @RequestParam(name = "is_active", required = false) Boolean active) {
        return floor.tables(area, active);
    }

    @Operation(summary = "Add a table: {name, area?, seats? (0-100), is_active?}; it gets its menu link and QR code")
    @PostMapping("/api/sales/tables")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Access.MANAGE_SALES)
    FloorService.TableView createTable(@Validated(Whole.class) @RequestBody FloorService.TableRequest request) {
        return floor.createTable(request);
    }

    @Operation(summary = "One table")
    @GetMapping("/api/sales/tables/{id}")
    @PreAuthorize(Access.TAKE_ORDERS)
    FloorService.TableView table(@PathVariable long id) {
        return floor.table(id);
    }

    @Operation(summary = "Replace a table's settings")
    @PutMapping("/api/sales/tables/{id}")
    @PreAuthorize(Access.MANAGE_SALES)
    FloorService.TableView replaceTable(
            @PathVariable long id, @Validated(Whole.class) @RequestBody FloorService.TableRequest request) {
        return floor.updateTable(id, request, false);
    }

    @Operation(summary = "Change some of a table's settings, e.g. {\"seats\": 6} or {\"area\": 2}")
    @PatchMapping("/api/sales/tables/{id}")
    @PreAuthorize(Access.MANAGE_SALES)
    FloorService.TableView updateTable(@PathVariable long id, @Valid @RequestBody FloorService.TableRequest request) {
        return floor.updateTable(id, request, true);
    }

    @Operation(
            summary = "A new menu link and QR code for the table: the old link answers 410 from now on (a printed code "
                    + "that went astray)")
    @PostMapping("/api/sales/tables/{id}/new-link")
    @PreAuthorize(Access.MANAGE_SALES)
    FloorService.TableView newLink(@PathVariable long id) {
        return floor.newLink(id);
    }

    @Operation(summary = "Delete a table; its menu link stops working")
    @DeleteMapping("/api/sales/tables/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(Access.MANAGE_SALES)
    void deleteTable(@PathVariable long id) {
        floor.deleteTable(id);
    }

    @Operation(
            summary = "The table's QR code, opening its guests' menu: ?format=png (default; size 1-40 pixels a module, "
                    + "default 10) or svg (to print at any size)")
    @ApiResponse(
            responseCode = "200",
            description = "The QR code",
            content = {
                @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = "image/svg+xml", schema = @Schema(type = "string"))
            })
    @GetMapping("/api/sales/tables/{id}/qr")
    @PreAuthorize(Access.TAKE_ORDERS)
    ResponseEntity<byte[]> qr(
            @PathVariable long id,
            @RequestParam(required = false) String format,
            @RequestParam(required = false) Integer size) {
        String kind = format == null || format.isBlank() ? "png" : format.trim();
        if (!kind.equals("png") && !kind.equals("svg")) {
            throw FieldErrors.single("format", "sales.qr_format_invalid");
        }
        if (size != null && (size < 1 || size > 40)) {
            throw FieldErrors.single("size", "sales.qr_size_invalid");
        }
        String link = floor.menuUrlOf(id);
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok()
                .cacheControl(CacheControl.noCache().cachePrivate())
                .header("Content-Disposition", "inline; filename=\"table-" + id + "." + kind + "\"");
        return kind.equals("svg")
                ? answer.contentType(MediaType.valueOf("image/svg+xml"))
                        .body(QrCodes.svg(link).getBytes(StandardCharsets.UTF_8))
                : answer.contentType(MediaType.IMAGE_PNG).body(QrCodes.png(link, size == null ? 10 : size));
    }
}

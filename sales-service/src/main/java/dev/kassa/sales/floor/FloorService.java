package dev.kassa.sales.floor;

import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.security.PublicLinkTokens;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.validation.Filled;
import dev.kassa.platform.validation.PrintableText;
import dev.kassa.platform.validation.Required;
import dev.kassa.platform.validation.Whole;
import dev.kassa.platform.web.ClientUrls;
import dev.kassa.sales.SalesErrors;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;

/**
 * The rules of a café's floor: area names are unique in the store and table names in their area; every table has one
 * working menu link (made with it, replaced on demand, withdrawn when the table goes); an area with tables stays.
 */
@Service
class FloorService {

    /** An area's fields: a new one needs its name; a PATCH changes the fields given. */
    record AreaRequest(
            @Required(groups = Whole.class) @Filled @Size(max = 100) @PrintableText String name,
            @Min(0) @Max(10000) Integer position,
            Boolean isActive) {}

    /** A table's fields: a new one needs its name; {@code area} the area it stands in (none: the store's only room). */
    record TableRequest(
            @Required(groups = Whole.class) @Filled @Size(max = 50) @PrintableText String name,
            Long area,
            @Min(0) @Max(100) Integer seats,
            Boolean isActive) {}

    /**
     * A table as the API shows it: {@code menu_url} the guests' menu its QR code opens (no login), {@code qr_url} the QR
     * code itself (PNG, or SVG with {@code ?format=svg}).
     */
    record TableView(
            long id,
            String name,
            Long area,
            String areaName,
            int seats,
            boolean isActive,
            String menuUrl,
            String qrUrl,
            Instant createdAt,
            Instant updatedAt) {

        static TableView of(TableRepository.Table t) {
            return new TableView(
                    t.id(),
                    t.name(),
                    t.areaId(),
                    t.areaName(),
                    t.seats(),
                    t.isActive(),
                    t.token() == null ? null : linkOf(t.token()),
                    ClientUrls.of("/api/sales/tables/" + t.id() + "/qr/"),
                    t.createdAt(),
                    t.updatedAt());
        }
    }

    /** The café's settings as the API takes them ({@code guest_ordering}: guests order from their table's menu). */
    record SettingsRequest(@Required Boolean guestOrdering) {}

    private final AreaRepository areas;
    private final TableRepository tables;
    private final TableLinkRepository links;
    private final CafeSettingsRepository settings;
    private final TableOrders orders;

    FloorService(
            AreaRepository areas,
            TableRepository tables,
            TableLinkRepository links,
            CafeSettingsRepository settings,
            TableOrders orders) {
        this.areas = areas;
        this.tables = tables;
        this.links = links;
        this.settings = settings;
        this.orders = orders;
    }

    @Transactional(readOnly = true)
    CafeSettingsRepository.CafeSettings settings() {
        return settings.get();
    }

    @Transactional
    CafeSettingsRepository.CafeSettings updateSettings(SettingsRequest r) {
        settings.update(r.guestOrdering());
        return settings.get();
    }

    static String linkOf(String token) {
        return ClientUrls.of("/m/" + token);
    }

    @Transactional(readOnly = true)
    List<AreaRepository.Area> areas(Boolean active) {
        return areas.list(active);
    }

    @Transactional(readOnly = true)
    AreaRepository.Area area(long id) {
        return areas.find(id).orElseThrow(SalesErrors.AREA_NOT_FOUND::exception);
    }

    @Transactional
    AreaRepository.Area createArea(AreaRequest r) {
        try {
            long id = areas.create(new AreaRepository.Fields(
                    r.name().trim(), r.position() == null ? 0 : r.position(), r.isActive() == null || r.isActive()));
            return areas.find(id).orElseThrow();
        } catch (DuplicateKeyException e) {
            throw FieldErrors.single("name", "sales.area_name_taken");
        }
    }

    @Transactional
    AreaRepository.Area updateArea(long id, AreaRequest r) {
        AreaRepository.Area current = area(id);
        try {
            areas.update(
                    id,
                    new AreaRepository.Fields(
                            r.name() != null ? r.name().trim() : current.name(),
                            r.position() != null ? r.position() : current.position(),
                            r.isActive() != null ? r.isActive() : current.isActive()));
        } catch (DuplicateKeyException e) {
            throw FieldErrors.single("name", "sales.area_name_taken");
        }
        return areas.find(id).orElseThrow();
    }

    /** Deletes an area without tables; one with tables stays (its tables are moved or deleted first). */
    @Transactional
    void deleteArea(long id) {
        if (area(id).tablesCount() > 0) {
            throw SalesErrors.AREA_IN_USE.exception();
        }
        areas.delete(id);
    }

    @Transactional(readOnly = true)
    List<TableView> tables(Long area, Boolean active) {
        return tables.list(tenant(), area, active).stream().map(TableView::of).toList();
    }

    @Transactional(readOnly = true)
    TableView table(long id) {
        return TableView.of(find(id));
    }

    /** The table's working link, for its QR code. */
    @Transactional(readOnly = true)
    String menuUrlOf(long id) {
        TableRepository.Table t = find(id);
        if (t.token() == null) {
            throw SalesErrors.MENU_LINK_UNKNOWN.exception();
        }
        return linkOf(t.token());
    }

    @Transactional
    TableView createTable(TableRequest r) {
        checkArea(r.area());
        long id;
        try {
            id = tables.create(new TableRepository.Fields(
                    r.name().trim(),
                    r.area(),
                    r.seats() == null ? 0 : r.seats(),
                    r.isActive() == null || r.isActive()));
        } catch (DuplicateKeyException e) {
            throw FieldErrors.single("name", "sales.table_name_taken");
        }
        links.create(tenant(), id, PublicLinkTokens.next());
        return table(id);
    }

    @Transactional
    TableView updateTable(long id, TableRequest r, boolean partial) {
        TableRepository.Table current = find(id);
        Long area = r.area() != null || !partial ? r.area() : current.areaId();
        checkArea(area);
        try {
            tables.update(
                    id,
                    new TableRepository.Fields(
                            r.name() != null ? r.name().trim() : current.name(),
                            area,
                            r.seats() != null ? r.seats() : partial ? current.seats() : 0,
                            r.isActive() != null ? r.isActive() : !partial || current.isActive()));
        } catch (DuplicateKeyException e) {
            throw FieldErrors.single("name", "sales.table_name_taken");
        }
        return table(id);
    }

    /** A new QR code for the table: its old link stops working (410) at once, e.g. after a printed code went astray. */
    @Transactional
    TableView newLink(long id) {
        find(id);
        links.withdraw(tenant(), id);
        links.create(tenant(), id, PublicLinkTokens.next());
        return table(id);
    }

    /** Deletes a table no order was taken at, and withdraws its link; one with orders is switched off instead. */
    @Transactional
    void deleteTable(long id) {
        find(id);
        if (orders.anyAt(id)) {
            throw SalesErrors.TABLE_IN_USE.exception();
        }
        links.withdraw(tenant(), id);
        tables.delete(id);
    }

    private TableRepository.Table find(long id) {
        return tables.find(tenant(), id).orElseThrow(SalesErrors.TABLE_NOT_FOUND::exception);
    }

    private void checkArea(Long area) {
        if (area != null && areas.find(area).isEmpty()) {
            throw FieldErrors.single("area", "sales.area_not_found");
        }
    }

    private static String tenant() {
        return TenantContext.require().key();
    }
}

package dev.kassa.catalog.supplier;

import dev.kassa.catalog.CatalogErrors;
import dev.kassa.catalog.stock.Batches;
import dev.kassa.catalog.stock.StockService;
import dev.kassa.platform.data.LikePatterns;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.security.Access;
import dev.kassa.platform.tenancy.TenantContext;
import dev.kassa.platform.web.JdbcPages;
import dev.kassa.platform.web.PageRequests;
import dev.kassa.platform.web.PageResponse;
import dev.kassa.platform.web.SqlOrdering;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** Suppliers (spec C28, C29): stock is received from them; managers, owners and stockkeepers keep the list. */
@RestController
@RequestMapping("/api/products/suppliers")
class SupplierController {

    record SupplierRequest(String name, String code, String contactPerson, String email, String phone, String address, String website,
                           String paymentTerms, Integer deliveryTime, BigDecimal minOrderAmount, Integer rating, Boolean isActive, String notes) { }

    record Supplier(long id, String name, String code, String contactPerson, String email, String phone, String address, String website,
                    String paymentTerms, Integer deliveryTime, BigDecimal minOrderAmount, int rating, boolean isActive, String notes,
                    long batchesCount, Instant createdAt, Instant updatedAt) { }

    private static final SqlOrdering ORDERING = SqlOrdering.of("name", "s.id", Map.of("name", "s.name", "rating", "s.rating",
            "created_at", "s.created_at"));
    private static final String SELECT = "select s.*, (select count(*) from batches b where b.supplier_id = s.id) as batches_count from suppliers s";
    private static final RowMapper<Supplier> ROW = (rs, i) -> new Supplier(rs.getLong("id"), rs.getString("name"), rs.getString("code"),
            rs.getString("contact_person"), rs.getString("email"), rs.getString("phone"), rs.getString("address"), rs.getString("website"),
            rs.getString("payment_terms"), (Integer) rs.getObject("delivery_time"), rs.getBigDecimal("min_order_amount"), rs.getInt("rating"),
            rs.getBoolean("is_active"), rs.getString("notes"), rs.getLong("batches_count"), rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("updated_at").toInstant());

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final StockService stock;

    SupplierController(JdbcTemplate jdbc, TransactionTemplate tx, StockService stock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.stock = stock;
    }

    @Operation(summary = "Suppliers: filters is_active, rating; search over name, code, contact person, email, phone; ordering name, rating, created_at")
    @GetMapping
    @PreAuthorize(Access.READ_CATALOG)
    PageResponse<Supplier> list(@RequestParam(name = "is_active", required = false) Boolean active, @RequestParam(required = false) Integer rating,
                                @RequestParam(required = false) String search, @RequestParam(required = false) String ordering,
                                @RequestParam(required = false) String page, @RequestParam(name = "page_size", required = false) String pageSize) {
        String orderBy = ORDERING.orderBy(ordering);
        Pageable pageable = PageRequests.of(page, pageSize, Sort.unsorted());
        String like = LikePatterns.contains(search);
        String where = """
                 where (?::boolean is null or s.is_active = ?) and (?::integer is null or s.rating = ?)
                   and (?::text is null or s.name ilike ? or s.code ilike ? or s.contact_person ilike ? or s.email ilike ? or s.phone ilike ?)
                """;
        Object[] args = {active, active, rating, rating, like, like, like, like, like, like};
        return tx.execute(s -> PageResponse.of(JdbcPages.page(jdbc, SELECT, "from suppliers s", where, orderBy, args, ROW, pageable),
                v -> v));
    }

    @Operation(summary = "Add a supplier: {name, code?, contact_person?, email?, phone?, address?, website?, payment_terms?, "
            + "delivery_time? (days), min_order_amount?, rating? (0–5), is_active?, notes?}")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
            examples = @io.swagger.v3.oas.annotations.media.ExampleObject(name = "supplier", value = "{\"name\": \"ООО Молкомбинат\", \"code\": \"MOLK\", \"contact_person\": \"Алишер\", \"phone\": \"+998 71 200-00-00\", \"email\": \"sales@molk.uz\", \"delivery_time\": 2, \"rating\": 4}")))
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Access.EDIT_CATALOG)
    Supplier create(@RequestBody SupplierRequest r) {
        validate(r, true);
        return tx.execute(s -> {
            try {
                long id = jdbc.queryForObject("""
                        insert into suppliers (name, code, contact_person, email, phone, address, website, payment_terms, delivery_time,
                                               min_order_amount, rating, is_active, notes)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                        """, Long.class, r.name().trim(), blankToNull(r.code()), nz(r.contactPerson()), nz(r.email()), nz(r.phone()), nz(r.address()),
                        nz(r.website()), nz(r.paymentTerms()), r.deliveryTime(), r.minOrderAmount(), r.rating() == null ? 0 : r.rating(),
                        r.isActive() == null || r.isActive(), nz(r.notes()));
                return find(id);
            } catch (DuplicateKeyException e) {
                throw FieldErrors.single("code", "catalog.supplier_code_taken");
            }
        });
    }

    @Operation(summary = "One supplier with the number of batches received from it")
    @GetMapping("/{id}")
    @PreAuthorize(Access.READ_CATALOG)
    Supplier get(@PathVariable long id) {
        return tx.execute(s -> find(id));
    }

    @Operation(summary = "Replace a supplier (name required)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
            examples = @io.swagger.v3.oas.annotations.media.ExampleObject(name = "supplier", value = "{\"name\": \"ООО Молкомбинат\", \"code\": \"MOLK\", \"rating\": 5}")))
    @PutMapping("/{id}")
    @PreAuthorize(Access.EDIT_CATALOG)
    Supplier replace(@PathVariable long id, @RequestBody SupplierRequest r) {
        return update(id, r, false);
    }

    @Operation(summary = "Change some of a supplier's fields")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
            examples = @io.swagger.v3.oas.annotations.media.ExampleObject(name = "rating", value = "{\"rating\": 5}")))
    @PatchMapping("/{id}")
    @PreAuthorize(Access.EDIT_CATALOG)
    Supplier patch(@PathVariable long id, @RequestBody SupplierRequest r) {
        return update(id, r, true);
    }

    @Operation(summary = "Delete a supplier (owner only); its batches keep their supplier name")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(Access.DELETE_CATALOG)
    void delete(@PathVariable long id) {
        tx.executeWithoutResult(s -> {
            Supplier found = find(id);
            jdbc.update("update batches set supplier_name = ? where supplier_id = ? and supplier_name = ''", found.name(), id);
            jdbc.update("delete from suppliers where id = ?", id);
        });
    }

    @Operation(summary = "Batches received from a supplier")
    @GetMapping("/{id}/batches")
    @PreAuthorize(Access.READ_CATALOG)
    PageResponse<Batches.View> batches(@PathVariable long id, @RequestParam(required = false) String page,
                                       @RequestParam(name = "page_size", required = false) String pageSize) {
        tx.execute(s -> find(id));
        return PageResponse.of(stock.batches(new Batches.Filter(null, null, null, null, id, null, TenantContext.require().today()),
                "-received_at", PageRequests.of(page, pageSize, Sort.unsorted())), v -> v);
    }

    private Supplier update(long id, SupplierRequest r, boolean partial) {
        validate(r, !partial);
        return tx.execute(s -> {
            Supplier c = find(id);
            try {
                jdbc.update("""
                        update suppliers set name = ?, code = ?, contact_person = ?, email = ?, phone = ?, address = ?, website = ?,
                               payment_terms = ?, delivery_time = ?, min_order_amount = ?, rating = ?, is_active = ?, notes = ?, updated_at = now()
                         where id = ?
                        """, r.name() != null ? r.name().trim() : c.name(), r.code() != null ? blankToNull(r.code()) : partial ? c.code() : null,
                        pick(r.contactPerson(), c.contactPerson(), partial), pick(r.email(), c.email(), partial), pick(r.phone(), c.phone(), partial),
                        pick(r.address(), c.address(), partial), pick(r.website(), c.website(), partial),
                        pick(r.paymentTerms(), c.paymentTerms(), partial), r.deliveryTime() != null || !partial ? r.deliveryTime() : c.deliveryTime(),
                        r.minOrderAmount() != null || !partial ? r.minOrderAmount() : c.minOrderAmount(),
                        r.rating() != null ? r.rating() : partial ? c.rating() : 0, r.isActive() != null ? r.isActive() : !partial || c.isActive(),
                        pick(r.notes(), c.notes(), partial), id);
            } catch (DuplicateKeyException e) {
                throw FieldErrors.single("code", "catalog.supplier_code_taken");
            }
            return find(id);
        });
    }

    private Supplier find(long id) {
        return jdbc.query(SELECT + " where s.id = ?", ROW, id).stream().findFirst()
                .orElseThrow(() -> CatalogErrors.SUPPLIER_NOT_FOUND.exception());
    }

    private static void validate(SupplierRequest r, boolean full) {
        FieldErrors errors = new FieldErrors();
        if (full || r.name() != null) {
            errors.required("name", r.name(), 200);
        }
        errors.maxLength("code", r.code(), 50).maxLength("contact_person", r.contactPerson(), 200).maxLength("phone", r.phone(), 20)
                .maxLength("payment_terms", r.paymentTerms(), 200).maxLength("website", r.website(), 200).maxLength("notes", r.notes(), 5000);
        if (!FieldErrors.blank(r.email())) {
            errors.email("email", r.email().trim());
        }
        if (!FieldErrors.blank(r.website()) && !r.website().trim().matches("(?i)https?://\\S+")) {
            errors.add("website", "catalog.website_invalid");
        }
        if (r.deliveryTime() != null && r.deliveryTime() < 0) {
            errors.add("delivery_time", "validation.not_negative");
        }
        if (r.minOrderAmount() != null && (r.minOrderAmount().signum() < 0 || r.minOrderAmount().stripTrailingZeros().scale() > 2)) {
            errors.add("min_order_amount", "validation.not_negative");
        }
        if (r.rating() != null && (r.rating() < 0 || r.rating() > 5)) {
            errors.add("rating", "catalog.rating_invalid");
        }
        errors.throwIfAny();
    }

    private static String pick(String given, String current, boolean partial) {
        return given != null ? given : partial ? current : "";
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}

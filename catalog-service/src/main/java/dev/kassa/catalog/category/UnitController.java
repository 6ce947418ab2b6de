package dev.kassa.catalog.category;

import dev.kassa.catalog.CatalogErrors;
import dev.kassa.platform.data.LikePatterns;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.security.Access;
import dev.kassa.platform.web.JdbcPages;
import dev.kassa.platform.web.PageRequests;
import dev.kassa.platform.web.PageResponse;
import dev.kassa.platform.web.SqlOrdering;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.dao.DataIntegrityViolationException;
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

import java.time.Instant;
import java.util.Map;

/** Units of measure (spec C1); every store starts with the defaults of Appendix B. */
@RestController
@RequestMapping("/api/products/units")
class UnitController {

    record UnitRequest(String name, String shortName, String code, String description, Boolean isActive) { }

    record UnitView(long id, String code, String name, String shortName, String description, boolean isActive, Instant createdAt,
                    String displayName) { }

    private static final SqlOrdering ORDERING = SqlOrdering.of("name", "id", Map.of("name", "name", "created_at", "created_at"));
    private static final RowMapper<UnitView> ROW = (rs, i) -> new UnitView(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
            rs.getString("short_name"), rs.getString("description"), rs.getBoolean("is_active"), rs.getTimestamp("created_at").toInstant(),
            rs.getString("name") + " (" + rs.getString("short_name") + ")");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    UnitController(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Operation(summary = "Units: is_active, search over name and short name, ordering name or created_at")
    @GetMapping
    @PreAuthorize(Access.READ_CATALOG)
    PageResponse<UnitView> list(@RequestParam(name = "is_active", required = false) Boolean active, @RequestParam(required = false) String search,
                                @RequestParam(required = false) String ordering, @RequestParam(required = false) String page,
                                @RequestParam(name = "page_size", required = false) String pageSize) {
        String orderBy = ORDERING.orderBy(ordering);
        Pageable p = PageRequests.of(page, pageSize, Sort.unsorted());
        String like = LikePatterns.contains(search);
        String where = " where (?::boolean is null or is_active = ?) and (?::text is null or name ilike ? or short_name ilike ?)";
        Object[] args = {active, active, like, like, like};
        return tx.execute(s -> PageResponse.of(JdbcPages.page(jdbc, "select * from units", "from units", where, orderBy, args, ROW, p),
                v -> v));
    }

    @Operation(summary = "One unit")
    @GetMapping("/{id}")
    @PreAuthorize(Access.READ_CATALOG)
    UnitView get(@PathVariable long id) {
        return tx.execute(s -> find(id));
    }

    @Operation(summary = "Add a unit: {name, short_name, code? (from the short name), description?, is_active?}")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
            examples = @io.swagger.v3.oas.annotations.media.ExampleObject(name = "unit", value = "{\"name\": \"бутылка\", \"short_name\": \"бут\"}")))
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Access.EDIT_CATALOG)
    UnitView create(@RequestBody UnitRequest r) {
        validate(r, true);
        return tx.execute(s -> {
            String code = FieldErrors.blank(r.code()) ? Slugify.of(r.shortName()) : r.code().trim();
            if (code.isEmpty()) {
                code = Slugify.of(r.name());
            }
            try {
                long id = jdbc.queryForObject("insert into units (code, name, short_name, description, is_active) values (?, ?, ?, ?, ?) returning id",
                        Long.class, code, r.name().trim(), r.shortName().trim(), r.description() == null ? "" : r.description(),
                        r.isActive() == null || r.isActive());
                return find(id);
            } catch (DuplicateKeyException e) {
                throw FieldErrors.single("name", "catalog.unit_taken");
            }
        });
    }

    @Operation(summary = "Replace a unit (name and short name required)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
            examples = @io.swagger.v3.oas.annotations.media.ExampleObject(name = "unit", value = "{\"name\": \"бутылка\", \"short_name\": \"бут.\", \"is_active\": true}")))
    @PutMapping("/{id}")
    @PreAuthorize(Access.EDIT_CATALOG)
    UnitView replace(@PathVariable long id, @RequestBody UnitRequest r) {
        return update(id, r, false);
    }

    @Operation(summary = "Change some of a unit's fields")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
            examples = @io.swagger.v3.oas.annotations.media.ExampleObject(name = "off", value = "{\"is_active\": false}")))
    @PatchMapping("/{id}")
    @PreAuthorize(Access.EDIT_CATALOG)
    UnitView patch(@PathVariable long id, @RequestBody UnitRequest r) {
        return update(id, r, true);
    }

    @Operation(summary = "Delete a unit no product uses (owner only)")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(Access.DELETE_CATALOG)
    void delete(@PathVariable long id) {
        tx.executeWithoutResult(s -> {
            find(id);
            if (Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from products where unit_id = ?)", Boolean.class, id))) {
                throw CatalogErrors.UNIT_IN_USE.exception();
            }
            jdbc.update("delete from units where id = ?", id);
        });
    }

    private UnitView update(long id, UnitRequest r, boolean partial) {
        validate(r, !partial);
        return tx.execute(s -> {
            UnitView c = find(id);
            try {
                jdbc.update("update units set name = ?, short_name = ?, description = ?, is_active = ? where id = ?",
                        r.name() != null ? r.name().trim() : c.name(), r.shortName() != null ? r.shortName().trim() : c.shortName(),
                        r.description() != null ? r.description() : partial ? c.description() : "",
                        r.isActive() != null ? r.isActive() : !partial || c.isActive(), id);
            } catch (DataIntegrityViolationException e) {
                throw FieldErrors.single("name", "catalog.unit_taken");
            }
            return find(id);
        });
    }

    private UnitView find(long id) {
        return jdbc.query("select * from units where id = ?", ROW, id).stream().findFirst()
                .orElseThrow(() -> CatalogErrors.UNIT_NOT_FOUND.exception());
    }

    private static void validate(UnitRequest r, boolean full) {
        FieldErrors errors = new FieldErrors();
        if (full || r.name() != null) {
            errors.required("name", r.name(), 50);
        }
        if (full || r.shortName() != null) {
            errors.required("short_name", r.shortName(), 10);
        }
        errors.maxLength("code", r.code(), 20);
        errors.throwIfAny();
    }
}

package dev.kassa.catalog.category;

import dev.kassa.catalog.CatalogErrors;
import dev.kassa.platform.data.LikePatterns;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.error.KassaException;
import dev.kassa.platform.security.Access;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Tags (spec C32), and unlike the original, linked to products: {@code PUT products/{id}/tags/} and the {@code tag} list filter. */
@RestController
class TagController {

    record TagRequest(String name, String slug, String color, String icon, String description, Boolean isActive, Integer order) { }

    record TagView(long id, String name, String slug, String color, String icon, String description, boolean isActive, int order,
                   long productsCount, Instant createdAt) { }

    record ProductTags(List<Long> tags) { }

    private static final SqlOrdering ORDERING = SqlOrdering.of("order", "t.id", Map.of("name", "t.name", "order", "t.sort_order, t.name",
            "created_at", "t.created_at"));
    private static final String SELECT = "select t.*, (select count(*) from product_tags pt where pt.tag_id = t.id) as products_count from tags t";
    private static final RowMapper<TagView> ROW = (rs, i) -> new TagView(rs.getLong("id"), rs.getString("name"), rs.getString("slug"),
            rs.getString("color"), rs.getString("icon"), rs.getString("description"), rs.getBoolean("is_active"), rs.getInt("sort_order"),
            rs.getLong("products_count"), rs.getTimestamp("created_at").toInstant());

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    TagController(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Operation(summary = "Tags: is_active, search over name and slug, ordering name, order, created_at")
    @GetMapping("/api/products/tags")
    @PreAuthorize(Access.READ_CATALOG)
    PageResponse<TagView> list(@RequestParam(name = "is_active", required = false) Boolean active, @RequestParam(required = false) String search,
                               @RequestParam(required = false) String ordering, @RequestParam(required = false) String page,
                               @RequestParam(name = "page_size", required = false) String pageSize) {
        String orderBy = ORDERING.orderBy(ordering);
        Pageable p = PageRequests.of(page, pageSize, Sort.unsorted());
        String like = LikePatterns.contains(search);
        String where = " where (?::boolean is null or t.is_active = ?) and (?::text is null or t.name ilike ? or t.slug ilike ?)";
        Object[] args = {active, active, like, like, like};
        return tx.execute(s -> PageResponse.of(JdbcPages.page(jdbc, SELECT, "from tags t", where, orderBy, args, ROW, p), v -> v));
    }

    @Operation(summary = "One tag with the number of its products")
    @GetMapping("/api/products/tags/{id}")
    @PreAuthorize(Access.READ_CATALOG)
    TagView get(@PathVariable long id) {
        return tx.execute(s -> find(id));
    }

    @Operation(summary = "Add a tag: {name, slug? (from the name), color? (#RRGGBB), icon?, description?, is_active?, order?}")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
            examples = @io.swagger.v3.oas.annotations.media.ExampleObject(name = "tag", value = "{\"name\": \"Новинка\", \"color\": \"#FF5722\"}")))
    @PostMapping("/api/products/tags")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Access.EDIT_CATALOG)
    TagView create(@RequestBody TagRequest r) {
        validate(r, true);
        return tx.execute(s -> {
            try {
                long id = jdbc.queryForObject("""
                        insert into tags (name, slug, color, icon, description, is_active, sort_order) values (?, ?, ?, ?, ?, ?, ?) returning id
                        """, Long.class, r.name().trim(), slug(r), r.color() == null ? "#3B82F6" : r.color(), r.icon() == null ? "" : r.icon(),
                        r.description() == null ? "" : r.description(), r.isActive() == null || r.isActive(), r.order() == null ? 0 : r.order());
                return find(id);
            } catch (DuplicateKeyException e) {
                throw FieldErrors.single("name", "catalog.tag_taken");
            }
        });
    }

    @Operation(summary = "Replace a tag (name required)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
            examples = @io.swagger.v3.oas.annotations.media.ExampleObject(name = "tag", value = "{\"name\": \"Новинка\", \"color\": \"#FF5722\", \"order\": 1}")))
    @PutMapping("/api/products/tags/{id}")
    @PreAuthorize(Access.EDIT_CATALOG)
    TagView replace(@PathVariable long id, @RequestBody TagRequest r) {
        return update(id, r, false);
    }

    @Operation(summary = "Change some of a tag's fields")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
            examples = @io.swagger.v3.oas.annotations.media.ExampleObject(name = "colour", value = "{\"color\": \"#4CAF50\"}")))
    @PatchMapping("/api/products/tags/{id}")
    @PreAuthorize(Access.EDIT_CATALOG)
    TagView patch(@PathVariable long id, @RequestBody TagRequest r) {
        return update(id, r, true);
    }

    @Operation(summary = "Delete a tag (owner only); products lose it")
    @DeleteMapping("/api/products/tags/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(Access.DELETE_CATALOG)
    void delete(@PathVariable long id) {
        tx.executeWithoutResult(s -> {
            if (jdbc.update("delete from tags where id = ?", id) == 0) {
                throw notFound();
            }
        });
    }

    @Operation(summary = "A product's tags")
    @GetMapping("/api/products/products/{id}/tags")
    @PreAuthorize(Access.READ_CATALOG)
    List<TagView> productTags(@PathVariable long id) {
        return tx.execute(s -> {
            requireProduct(id);
            return tagsOf(id);
        });
    }

    @Operation(summary = "Set a product's tags: {\"tags\": [1, 2]}")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
            examples = @io.swagger.v3.oas.annotations.media.ExampleObject(name = "tags", value = "{\"tags\": [1, 3]}")))
    @PutMapping("/api/products/products/{id}/tags")
    @PreAuthorize(Access.EDIT_CATALOG)
    List<TagView> setProductTags(@PathVariable long id, @RequestBody ProductTags r) {
        if (r.tags() == null) {
            throw FieldErrors.single("tags", "validation.required");
        }
        LinkedHashSet<Long> wanted = new LinkedHashSet<>(r.tags());
        return tx.execute(s -> {
            requireProduct(id);
            Long[] ids = wanted.toArray(Long[]::new);
            int known = jdbc.queryForObject("select count(*) from tags where id = any(?)", Integer.class, (Object) ids);
            if (known != wanted.size()) {
                throw FieldErrors.single("tags", "catalog.tag_not_found");
            }
            jdbc.update("delete from product_tags where product_id = ?", id);
            for (Long tag : wanted) {
                jdbc.update("insert into product_tags (product_id, tag_id) values (?, ?)", id, tag);
            }
            return tagsOf(id);
        });
    }

    private List<TagView> tagsOf(long productId) {
        return jdbc.query(SELECT + " join product_tags x on x.tag_id = t.id where x.product_id = ? order by t.sort_order, t.name", ROW, productId);
    }

    private void requireProduct(long id) {
        if (jdbc.queryForList("select id from products where id = ?", Long.class, id).isEmpty()) {
            throw CatalogErrors.PRODUCT_NOT_FOUND.exception();
        }
    }

    private TagView update(long id, TagRequest r, boolean partial) {
        validate(r, !partial);
        return tx.execute(s -> {
            TagView c = find(id);
            try {
                jdbc.update("update tags set name = ?, slug = ?, color = ?, icon = ?, description = ?, is_active = ?, sort_order = ? where id = ?",
                        r.name() != null ? r.name().trim() : c.name(), r.slug() != null ? slug(r) : c.slug(),
                        r.color() != null ? r.color() : partial ? c.color() : "#3B82F6", r.icon() != null ? r.icon() : partial ? c.icon() : "",
                        r.description() != null ? r.description() : partial ? c.description() : "",
                        r.isActive() != null ? r.isActive() : !partial || c.isActive(), r.order() != null ? r.order() : partial ? c.order() : 0, id);
            } catch (DuplicateKeyException e) {
                throw FieldErrors.single("name", "catalog.tag_taken");
            }
            return find(id);
        });
    }

    private TagView find(long id) {
        return jdbc.query(SELECT + " where t.id = ?", ROW, id).stream().findFirst().orElseThrow(TagController::notFound);
    }

    private static KassaException notFound() {
        return CatalogErrors.TAG_NOT_FOUND.exception();
    }

    private static String slug(TagRequest r) {
        String slug = Slugify.of(FieldErrors.blank(r.slug()) ? r.name() : r.slug());
        return slug.isEmpty() ? "tag-" + Integer.toHexString(r.name().hashCode()) : slug.substring(0, Math.min(50, slug.length()));
    }

    private static void validate(TagRequest r, boolean full) {
        FieldErrors errors = new FieldErrors();
        if (full || r.name() != null) {
            errors.required("name", r.name(), 50);
        }
        errors.maxLength("slug", r.slug(), 50).maxLength("icon", r.icon(), 50);
        if (r.color() != null && !r.color().matches("#[0-9A-Fa-f]{6}")) {
            errors.add("color", "catalog.color_invalid");
        }
        errors.throwIfAny();
    }
}

package dev.kassa.catalog.attribute;

import dev.kassa.catalog.CatalogErrors;
import dev.kassa.catalog.category.Slugify;
import dev.kassa.platform.data.LikePatterns;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.error.KassaException;
import dev.kassa.platform.error.Messages;
import dev.kassa.platform.security.Access;
import dev.kassa.platform.web.PageRequests;
import dev.kassa.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Attributes, their options, which categories use them, and products' values (spec C5–C9, C20). Unlike the
 * original, a product's value must match the attribute's type, and a select option must belong to the attribute.
 */
@RestController
class AttributeController {

    record AttributeRequest(String name, String slug, String type, String description, Boolean isRequired, Boolean isFilterable, Integer order,
                            Boolean isActive) { }

    record ValueRequest(Long attribute, String value, Integer order, Boolean isActive) { }

    record Value(long id, long attribute, String value, int order, boolean isActive, Instant createdAt) { }

    record Attribute(long id, String name, String slug, String type, String typeDisplay, String description, boolean isRequired,
                     boolean isFilterable, int order, boolean isActive, Instant createdAt, List<Value> values) { }

    record Binding(Long attribute, Boolean isRequired, Boolean isVariant, Integer order) { }

    record BindingRequest(Long category, Long attribute, Boolean isRequired, Boolean isVariant, Integer order) { }

    record BulkRequest(Long category, List<Binding> attributes) { }

    record CategoryAttribute(long id, long category, String categoryName, long attribute, String attributeName, String attributeSlug,
                             String attributeType, boolean isRequired, boolean isVariant, int order, Instant createdAt) { }

    record ProductValueRequest(Long attribute, String valueText, BigDecimal valueNumber, Boolean valueBoolean, Long valueOption) { }

    record ProductValue(long id, long attribute, String attributeName, String attributeType, String valueText, BigDecimal valueNumber,
                        Boolean valueBoolean, Long valueOption, String value, Instant createdAt) { }

    private static final Set<String> TYPES = Set.of("text", "number", "select", "multiselect", "boolean");
    private static final RowMapper<Value> VALUE = (rs, i) -> new Value(rs.getLong("id"), rs.getLong("attribute_id"), rs.getString("value"),
            rs.getInt("sort_order"), rs.getBoolean("is_active"), rs.getTimestamp("created_at").toInstant());
    private static final RowMapper<CategoryAttribute> BINDING = (rs, i) -> new CategoryAttribute(rs.getLong("id"), rs.getLong("category_id"),
            rs.getString("category_name"), rs.getLong("attribute_id"), rs.getString("attribute_name"), rs.getString("attribute_slug"),
            rs.getString("attribute_type"), rs.getBoolean("is_required"), rs.getBoolean("is_variant"), rs.getInt("sort_order"),
            rs.getTimestamp("created_at").toInstant());
    private static final String SELECT_BINDING = """
            select x.*, c.name as category_name, a.name as attribute_name, a.slug as attribute_slug, a.type as attribute_type
              from category_attributes x join categories c on c.id = x.category_id join attributes a on a.id = x.attribute_id
            """;
    private static final String SELECT_PRODUCT_VALUE = """
            select v.*, a.name as attribute_name, a.type as attribute_type, o.value as option_value
              from product_attributes v join attributes a on a.id = v.attribute_id left join attribute_values o on o.id = v.value_option_id
            """;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    AttributeController(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Operation(summary = "Attributes with their options: filters type, is_filterable, is_active; search over name and description")
    @GetMapping("/api/products/attributes")
    @PreAuthorize(Access.READ_CATALOG)
    PageResponse<Attribute> list(@RequestParam(required = false) String type, @RequestParam(name = "is_filterable", required = false) Boolean filterable,
                                 @RequestParam(name = "is_active", required = false) Boolean active, @RequestParam(required = false) String search,
                                 @RequestParam(required = false) String page, @RequestParam(name = "page_size", required = false) String pageSize) {
        Pageable p = PageRequests.of(page, pageSize, Sort.unsorted());
        String like = LikePatterns.contains(search);
        String where = """
                 where (?::text is null or type = ?) and (?::boolean is null or is_filterable = ?) and (?::boolean is null or is_active = ?)
                   and (?::text is null or name ilike ? or description ilike ?)
                """;
        Object[] args = {type, type, filterable, filterable, active, active, like, like, like};
        return tx.execute(s -> {
            List<Long> ids = jdbc.queryForList("select id from attributes" + where + " order by sort_order, name, id limit " + p.getPageSize()
                    + " offset " + p.getOffset(), Long.class, args);
            List<Attribute> found = new ArrayList<>();
            ids.forEach(id -> found.add(attribute(id)));
            return PageResponse.of(new PageImpl<>(found, p, jdbc.queryForObject("select count(*) from attributes" + where, Long.class, args)), v -> v);
        });
    }

    @Operation(summary = "One attribute with its options")
    @GetMapping("/api/products/attributes/{id}")
    @PreAuthorize(Access.READ_CATALOG)
    Attribute get(@PathVariable long id) {
        return tx.execute(s -> attribute(id));
    }

    @Operation(summary = "Add an attribute: {name, slug?, type (text, number, select, multiselect, boolean), description?, is_required?, "
            + "is_filterable?, order?, is_active?}")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
            examples = @io.swagger.v3.oas.annotations.media.ExampleObject(name = "select", value = "{\"name\": \"Цвет\", \"type\": \"select\", \"is_filterable\": true}")))
    @PostMapping("/api/products/attributes")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Access.EDIT_CATALOG)
    Attribute create(@RequestBody AttributeRequest r) {
        FieldErrors errors = new FieldErrors();
        errors.required("name", r.name(), 100);
        if (r.type() != null && !TYPES.contains(r.type())) {
            errors.add("type", "catalog.attribute_type_invalid");
        }
        errors.throwIfAny();
        return tx.execute(s -> {
            String slug = Slugify.of(FieldErrors.blank(r.slug()) ? r.name() : r.slug());
            try {
                long id = jdbc.queryForObject("""
                        insert into attributes (name, slug, type, description, is_required, is_filterable, sort_order, is_active)
                        values (?, ?, ?, ?, ?, ?, ?, ?) returning id
                        """, Long.class, r.name().trim(), slug.isEmpty() ? "attr-" + Math.abs(r.name().hashCode()) : slug,
                        r.type() == null ? "text" : r.type(), r.description() == null ? "" : r.description(), Boolean.TRUE.equals(r.isRequired()),
                        r.isFilterable() == null || r.isFilterable(), r.order() == null ? 0 : r.order(), r.isActive() == null || r.isActive());
                return attribute(id);
            } catch (DuplicateKeyException e) {
                throw FieldErrors.single("name", "catalog.attribute_taken");
            }
        });
    }

    @Operation(summary = "Change an attribute's description, flags or order (its type is fixed once values exist)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
            examples = @io.swagger.v3.oas.annotations.media.ExampleObject(name = "flags", value = "{\"is_required\": true, \"order\": 1}")))
    @PatchMapping("/api/products/attributes/{id}")
    @PreAuthorize(Access.EDIT_CATALOG)
    Attribute update(@PathVariable long id, @RequestBody AttributeRequest r) {
        FieldErrors errors = new FieldErrors();
        if (r.name() != null) {
            errors.required("name", r.name(), 100);
        }
        if (r.type() != null && !TYPES.contains(r.type())) {
            errors.add("type", "catalog.attribute_type_invalid");
        }
        errors.throwIfAny();
        return tx.execute(s -> {
            Attribute c = attribute(id);
            if (r.type() != null && !r.type().equals(c.type())
                    && Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from product_attributes where attribute_id = ?)", Boolean.class, id))) {
                throw FieldErrors.single("type", "catalog.attribute_type_fixed");
            }
            try {
                jdbc.update("""
                        update attributes set name = ?, type = ?, description = ?, is_required = ?, is_filterable = ?, sort_order = ?, is_active = ?
                         where id = ?
                        """, r.name() != null ? r.name().trim() : c.name(), r.type() != null ? r.type() : c.type(),
                        r.description() != null ? r.description() : c.description(), r.isRequired() != null ? r.isRequired() : c.isRequired(),
                        r.isFilterable() != null ? r.isFilterable() : c.isFilterable(), r.order() != null ? r.order() : c.order(),
                        r.isActive() != null ? r.isActive() : c.isActive(), id);
            } catch (DuplicateKeyException e) {
                throw FieldErrors.single("name", "catalog.attribute_taken");
            }
            return attribute(id);
        });
    }

    @Operation(summary = "Delete an attribute with its options and product values (owner only)")
    @DeleteMapping("/api/products/attributes/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(Access.DELETE_CATALOG)
    void delete(@PathVariable long id) {
        tx.executeWithoutResult(s -> {
            if (jdbc.update("delete from attributes where id = ?", id) == 0) {
                throw notFound();
            }
        });
    }

    @Operation(summary = "Add an option to a select attribute: {attribute, value, order?, is_active?}")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
            examples = @io.swagger.v3.oas.annotations.media.ExampleObject(name = "option", value = "{\"attribute\": 1, \"value\": \"Красный\", \"order\": 1}")))
    @PostMapping({"/api/products/attribute-values", "/api/products/attribute_values"})
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Access.EDIT_CATALOG)
    Value addValue(@RequestBody ValueRequest r) {
        FieldErrors errors = new FieldErrors();
        if (r.attribute() == null) {
            errors.add("attribute", "validation.required");
        }
        errors.required("value", r.value(), 200);
        errors.throwIfAny();
        return tx.execute(s -> {
            attribute(r.attribute());
            try {
                long id = jdbc.queryForObject("insert into attribute_values (attribute_id, value, sort_order, is_active) values (?, ?, ?, ?) returning id",
                        Long.class, r.attribute(), r.value().trim(), r.order() == null ? 0 : r.order(), r.isActive() == null || r.isActive());
                return jdbc.queryForObject("select * from attribute_values where id = ?", VALUE, id);
            } catch (DuplicateKeyException e) {
                throw FieldErrors.single("value", "catalog.attribute_value_taken");
            }
        });
    }

    @Operation(summary = "Options of an attribute: ?attribute=")
    @GetMapping({"/api/products/attribute-values", "/api/products/attribute_values"})
    @PreAuthorize(Access.READ_CATALOG)
    List<Value> values(@RequestParam(required = false) Long attribute) {
        return tx.execute(s -> jdbc.query("select * from attribute_values where (?::bigint is null or attribute_id = ?) order by sort_order, value",
                VALUE, attribute, attribute));
    }

    @Operation(summary = "Change an option: {value?, order?, is_active?}")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
            examples = @io.swagger.v3.oas.annotations.media.ExampleObject(name = "rename", value = "{\"value\": \"Алый\"}")))
    @PatchMapping({"/api/products/attribute-values/{id}", "/api/products/attribute_values/{id}"})
    @PreAuthorize(Access.EDIT_CATALOG)
    Value updateValue(@PathVariable long id, @RequestBody ValueRequest r) {
        if (r.value() != null) {
            FieldErrors errors = new FieldErrors();
            errors.required("value", r.value(), 200);
            errors.throwIfAny();
        }
        return tx.execute(s -> {
            Value c = jdbc.query("select * from attribute_values where id = ?", VALUE, id).stream().findFirst()
                    .orElseThrow(() -> CatalogErrors.ATTRIBUTE_VALUE_NOT_FOUND.exception());
            try {
                jdbc.update("update attribute_values set value = ?, sort_order = ?, is_active = ? where id = ?", r.value() != null ? r.value().trim() : c.value(),
                        r.order() != null ? r.order() : c.order(), r.isActive() != null ? r.isActive() : c.isActive(), id);
            } catch (DuplicateKeyException e) {
                throw FieldErrors.single("value", "catalog.attribute_value_taken");
            }
            return jdbc.queryForObject("select * from attribute_values where id = ?", VALUE, id);
        });
    }

    @Operation(summary = "Remove an option (owner only)")
    @DeleteMapping({"/api/products/attribute-values/{id}", "/api/products/attribute_values/{id}"})
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(Access.DELETE_CATALOG)
    void deleteValue(@PathVariable long id) {
        tx.executeWithoutResult(s -> {
            if (jdbc.update("delete from attribute_values where id = ?", id) == 0) {
                throw CatalogErrors.ATTRIBUTE_VALUE_NOT_FOUND.exception();
            }
        });
    }

    @Operation(summary = "Use an attribute in a category: {category, attribute, is_required?, is_variant?, order?}")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
            examples = @io.swagger.v3.oas.annotations.media.ExampleObject(name = "binding", value = "{\"category\": 2, \"attribute\": 1, \"is_required\": false, \"is_variant\": true}")))
    @PostMapping({"/api/products/category-attributes", "/api/products/category_attributes"})
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Access.EDIT_CATALOG)
    CategoryAttribute bind(@RequestBody BindingRequest r) {
        return tx.execute(s -> bindOne(r.category(), new Binding(r.attribute(), r.isRequired(), r.isVariant(), r.order())));
    }

    @Operation(summary = "Use several attributes in a category at once: 201 when all were added, 207 with the refusals otherwise")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
            examples = @io.swagger.v3.oas.annotations.media.ExampleObject(name = "bulk", value = "{\"category\": 2, \"attributes\": [{\"attribute\": 1, \"is_variant\": true}, {\"attribute\": 2, \"is_required\": true}]}")))
    @PostMapping({"/api/products/category-attributes/bulk_create", "/api/products/category-attributes/bulk-create"})
    @PreAuthorize(Access.EDIT_CATALOG)
    ResponseEntity<Map<String, Object>> bulk(@RequestBody BulkRequest r) {
        if (r.category() == null) {
            throw FieldErrors.single("category", "validation.required");
        }
        if (r.attributes() == null || r.attributes().isEmpty()) {
            throw FieldErrors.single("attributes", "validation.required");
        }
        List<CategoryAttribute> created = new ArrayList<>();
        List<Map<String, Object>> refused = new ArrayList<>();
        for (Binding b : r.attributes()) {
            try {
                created.add(tx.execute(s -> bindOne(r.category(), b)));
            } catch (KassaException e) {
                if (e.status() == 404 && "category_not_found".equals(e.code())) {
                    throw e;
                }
                refused.add(Map.of("attribute", String.valueOf(b == null ? null : b.attribute()),
                        "errors", e.fieldErrors().isEmpty() ? Map.of("attribute", List.of(Messages.get(e.messageKey()))) : e.fieldErrors()));
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (refused.isEmpty()) {
            body.put("status", "success");
            body.put("message", Messages.get("catalog.attributes_added", created.size()));
            body.put("data", created);
            return ResponseEntity.status(201).body(body);
        }
        body.put("status", "partial_success");
        body.put("message", Messages.get("catalog.attributes_partly_added"));
        body.put("created", created);
        body.put("errors", refused);
        return ResponseEntity.status(207).body(body);
    }

    @Operation(summary = "The attributes a category uses: ?category_id=")
    @GetMapping({"/api/products/category-attributes/by_category", "/api/products/category-attributes/by-category"})
    @PreAuthorize(Access.READ_CATALOG)
    Map<String, Object> byCategory(@RequestParam(name = "category_id", required = false) Long category) {
        if (category == null) {
            throw FieldErrors.single("category_id", "validation.required");
        }
        return Map.of("status", "success", "data", tx.execute(s -> jdbc.query(SELECT_BINDING + " where x.category_id = ? order by x.sort_order, a.name",
                BINDING, category)));
    }

    @Operation(summary = "Change how a category uses an attribute: {is_required?, is_variant?, order?}")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
            examples = @io.swagger.v3.oas.annotations.media.ExampleObject(name = "required", value = "{\"is_required\": true}")))
    @PatchMapping({"/api/products/category-attributes/{id}", "/api/products/category_attributes/{id}"})
    @PreAuthorize(Access.EDIT_CATALOG)
    CategoryAttribute updateBinding(@PathVariable long id, @RequestBody BindingRequest r) {
        return tx.execute(s -> {
            CategoryAttribute c = jdbc.query(SELECT_BINDING + " where x.id = ?", BINDING, id).stream().findFirst()
                    .orElseThrow(() -> CatalogErrors.CATEGORY_ATTRIBUTE_NOT_FOUND.exception());
            jdbc.update("update category_attributes set is_required = ?, is_variant = ?, sort_order = ? where id = ?",
                    r.isRequired() != null ? r.isRequired() : c.isRequired(), r.isVariant() != null ? r.isVariant() : c.isVariant(),
                    r.order() != null ? r.order() : c.order(), id);
            return jdbc.queryForObject(SELECT_BINDING + " where x.id = ?", BINDING, id);
        });
    }

    @Operation(summary = "Stop using an attribute in a category")
    @DeleteMapping({"/api/products/category-attributes/{id}", "/api/products/category_attributes/{id}"})
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(Access.EDIT_CATALOG)
    void unbind(@PathVariable long id) {
        tx.executeWithoutResult(s -> {
            if (jdbc.update("delete from category_attributes where id = ?", id) == 0) {
                throw CatalogErrors.CATEGORY_ATTRIBUTE_NOT_FOUND.exception();
            }
        });
    }

    @Operation(summary = "Set a product's value of an attribute, checked against its type: {attribute, value_text | value_number | "
            + "value_boolean | value_option}; setting it again replaces it")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
            examples = @io.swagger.v3.oas.annotations.media.ExampleObject(name = "option value", value = "{\"attribute\": 1, \"value_option\": 3}")))
    @PostMapping({"/api/products/products/{id}/add_attribute", "/api/products/products/{id}/attributes"})
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Access.EDIT_CATALOG)
    ProductValue setValue(@PathVariable long id, @RequestBody ProductValueRequest r) {
        if (r.attribute() == null) {
            throw FieldErrors.single("attribute", "validation.required");
        }
        return tx.execute(s -> {
            if (jdbc.queryForList("select id from products where id = ?", Long.class, id).isEmpty()) {
                throw CatalogErrors.PRODUCT_NOT_FOUND.exception();
            }
            Attribute a = attribute(r.attribute());
            FieldErrors errors = new FieldErrors();
            switch (a.type()) {
                case "number" -> {
                    if (r.valueNumber() == null) {
                        errors.add("value_number", "validation.required");
                    }
                }
                case "boolean" -> {
                    if (r.valueBoolean() == null) {
                        errors.add("value_boolean", "validation.required");
                    }
                }
                case "select", "multiselect" -> {
                    if (r.valueOption() == null || a.values().stream().noneMatch(v -> v.id() == r.valueOption())) {
                        errors.add("value_option", "catalog.attribute_option_invalid");
                    }
                }
                default -> errors.required("value_text", r.valueText(), 500);
            }
            errors.throwIfAny();
            jdbc.update("""
                    insert into product_attributes (product_id, attribute_id, value_text, value_number, value_boolean, value_option_id)
                    values (?, ?, ?, ?, ?, ?)
                    on conflict (product_id, attribute_id) do update set value_text = excluded.value_text, value_number = excluded.value_number,
                       value_boolean = excluded.value_boolean, value_option_id = excluded.value_option_id
                    """, id, a.id(), "text".equals(a.type()) ? r.valueText().trim() : "", "number".equals(a.type()) ? r.valueNumber() : null,
                    "boolean".equals(a.type()) ? r.valueBoolean() : null, a.type().endsWith("select") ? r.valueOption() : null);
            return productValues(id).stream().filter(v -> v.attribute() == a.id()).findFirst().orElseThrow();
        });
    }

    @Operation(summary = "A product's attribute values")
    @GetMapping("/api/products/products/{id}/attributes")
    @PreAuthorize(Access.READ_CATALOG)
    List<ProductValue> values(@PathVariable long id) {
        return tx.execute(s -> productValues(id));
    }

    private List<ProductValue> productValues(long productId) {
        return jdbc.query(SELECT_PRODUCT_VALUE + " where v.product_id = ? order by a.sort_order, a.name", (rs, i) -> {
            String type = rs.getString("attribute_type");
            Boolean bool = (Boolean) rs.getObject("value_boolean");
            BigDecimal number = rs.getBigDecimal("value_number");
            String shown = switch (type) {
                case "number" -> number == null ? "" : number.stripTrailingZeros().toPlainString();
                case "boolean" -> bool == null ? "" : Messages.get(bool ? "catalog.yes" : "catalog.no");
                case "select", "multiselect" -> rs.getString("option_value");
                default -> rs.getString("value_text");
            };
            return new ProductValue(rs.getLong("id"), rs.getLong("attribute_id"), rs.getString("attribute_name"), type, rs.getString("value_text"),
                    number, bool, (Long) rs.getObject("value_option_id"), shown, rs.getTimestamp("created_at").toInstant());
        }, productId);
    }

    private CategoryAttribute bindOne(Long category, Binding b) {
        FieldErrors errors = new FieldErrors();
        if (category == null) {
            errors.add("category", "validation.required");
        }
        if (b == null || b.attribute() == null) {
            errors.add("attribute", "validation.required");
        }
        errors.throwIfAny();
        if (jdbc.queryForList("select id from categories where id = ?", Long.class, category).isEmpty()) {
            throw CatalogErrors.CATEGORY_NOT_FOUND.exception();
        }
        attribute(b.attribute());
        if (Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from category_attributes where category_id = ? and attribute_id = ?)",
                Boolean.class, category, b.attribute()))) {
            throw FieldErrors.single("attribute", "catalog.attribute_already_bound");
        }
        long id = jdbc.queryForObject("""
                insert into category_attributes (category_id, attribute_id, is_required, is_variant, sort_order) values (?, ?, ?, ?, ?) returning id
                """, Long.class, category, b.attribute(), Boolean.TRUE.equals(b.isRequired()), Boolean.TRUE.equals(b.isVariant()),
                b.order() == null ? 0 : b.order());
        return jdbc.queryForObject(SELECT_BINDING + " where x.id = ?", BINDING, id);
    }

    private Attribute attribute(long id) {
        List<Value> values = jdbc.query("select * from attribute_values where attribute_id = ? order by sort_order, value", VALUE, id);
        return jdbc.query("select * from attributes where id = ?", (rs, i) -> new Attribute(rs.getLong("id"), rs.getString("name"), rs.getString("slug"),
                rs.getString("type"), Messages.get("attribute.type." + rs.getString("type")), rs.getString("description"), rs.getBoolean("is_required"),
                rs.getBoolean("is_filterable"), rs.getInt("sort_order"), rs.getBoolean("is_active"), rs.getTimestamp("created_at").toInstant(), values),
                id).stream().findFirst().orElseThrow(AttributeController::notFound);
    }

    private static KassaException notFound() {
        return CatalogErrors.ATTRIBUTE_NOT_FOUND.exception();
    }
}

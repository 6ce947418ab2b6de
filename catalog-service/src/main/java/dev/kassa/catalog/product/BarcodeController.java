package dev.kassa.catalog.product;

import dev.kassa.catalog.CatalogErrors;
import dev.kassa.platform.data.LikePatterns;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.error.Messages;
import dev.kassa.platform.security.Access;
import dev.kassa.platform.web.JdbcPages;
import dev.kassa.platform.web.PageRequests;
import dev.kassa.platform.web.PageResponse;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Scanning (product, extra and batch codes) and a product's extra barcodes (spec C18, C30, C31). */
@RestController
class BarcodeController {

    record BarcodeRequest(Long product, String barcode, String barcodeType, Boolean isPrimary) { }

    record BarcodeView(long id, long product, String productName, String barcode, String barcodeType, String barcodeTypeDisplay,
                       boolean isPrimary, Instant createdAt) { }

    private static final Set<String> TYPES = Set.of("ean13", "ean8", "upc", "qr", "code128", "code39", "internal");
    private static final Pattern CODE = Pattern.compile("^[A-Za-z0-9._-]{1,100}$");
    private static final RowMapper<BarcodeView> ROW = (rs, i) -> new BarcodeView(rs.getLong("id"), rs.getLong("product_id"),
            rs.getString("product_name"), rs.getString("barcode"), rs.getString("barcode_type"),
            Messages.get("barcode.type." + rs.getString("barcode_type")), rs.getBoolean("is_primary"), rs.getTimestamp("created_at").toInstant());
    private static final String SELECT = "select x.*, p.name as product_name from product_barcodes x join products p on p.id = x.product_id";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Barcodes barcodes;
    private final ProductService products;

    BarcodeController(JdbcTemplate jdbc, TransactionTemplate tx, Barcodes barcodes, ProductService products) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.barcodes = barcodes;
        this.products = products;
    }

    record WarehouseScanRequest(String barcode) { }

    /** The product as products/scan_barcode/ answers it, with the two names the web client's receipt form reads. */
    record WarehouseScanView(@com.fasterxml.jackson.annotation.JsonUnwrapped ProductView product, BigDecimal currentQuantity, BigDecimal price) { }

    @Operation(summary = "The original web client's barcode lookup: {barcode} in the body, answered as products/scan_barcode/")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
            examples = @io.swagger.v3.oas.annotations.media.ExampleObject(name = "scan", value = "{\"barcode\": \"4870000000011\"}")))
    @org.springframework.web.bind.annotation.PostMapping({"/api/products/warehouse-scan/scan", "/api/products/warehouse_scan/scan"})
    @PreAuthorize(Access.READ_CATALOG)
    Map<String, Object> warehouseScan(@org.springframework.web.bind.annotation.RequestBody WarehouseScanRequest request) {
        // the web client adds the product to the cart only on status "found" with a type (product | variant); Kassa has no variants
        Map<String, Object> answer = new LinkedHashMap<>(scan(request.barcode()));
        answer.put("status", "found");
        answer.put("type", "product");
        // its receipt form shows the stock on hand and the price under these names (current_quantity, price)
        ProductView product = (ProductView) answer.get("data");
        answer.put("data", new WarehouseScanView(product, product.quantity(), product.salePrice()));
        return answer;
    }

    @Operation(summary = "Find the product behind a scanned code: its own barcode, an extra barcode or a batch barcode (then batch is set)")
    @GetMapping({"/api/products/products/scan_barcode", "/api/products/products/scan-barcode"})
    @PreAuthorize(Access.READ_CATALOG)
    Map<String, Object> scan(@RequestParam(required = false) String barcode) {
        if (FieldErrors.blank(barcode)) {
            throw CatalogErrors.BARCODE_REQUIRED.exception();
        }
        String code = barcode.trim();
        return tx.execute(s -> {
            Barcodes.Match match = barcodes.find(code)
                    .orElseThrow(() -> CatalogErrors.PRODUCT_NOT_FOUND_BY_BARCODE.exception( Map.of("barcode", code), code));
            ProductView product = products.get(match.productId());
            if (!product.isActive()) {
                throw CatalogErrors.PRODUCT_NOT_FOUND_BY_BARCODE.exception( Map.of("barcode", code), code);
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("status", "success");
            answer.put("data", product);
            answer.put("matched", match.kind());
            answer.put("batch", match.batchId());
            return answer;
        });
    }

    @Operation(summary = "Extra barcodes: filters product, barcode_type, is_primary; search over code, product name and SKU")
    @GetMapping("/api/products/barcodes")
    @PreAuthorize(Access.READ_CATALOG)
    PageResponse<BarcodeView> list(@RequestParam(required = false) Long product, @RequestParam(name = "barcode_type", required = false) String type,
                                   @RequestParam(name = "is_primary", required = false) Boolean primary, @RequestParam(required = false) String search,
                                   @RequestParam(required = false) String page, @RequestParam(name = "page_size", required = false) String pageSize) {
        Pageable pageable = PageRequests.of(page, pageSize, Sort.unsorted());
        String like = LikePatterns.contains(search);
        String where = """
                 where (?::bigint is null or x.product_id = ?) and (?::text is null or x.barcode_type = ?) and (?::boolean is null or x.is_primary = ?)
                   and (?::text is null or x.barcode ilike ? or p.name ilike ? or p.sku ilike ?)
                """;
        Object[] args = {product, product, type, type, primary, primary, like, like, like, like};
        return tx.execute(s -> PageResponse.of(JdbcPages.page(jdbc, SELECT, "from product_barcodes x join products p on p.id = x.product_id", where,
                "x.is_primary desc, x.barcode", args, ROW, pageable), v -> v));
    }

    @Operation(summary = "Add an extra barcode to a product: {product, barcode, barcode_type?, is_primary?}; codes are unique in the store")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
            examples = @io.swagger.v3.oas.annotations.media.ExampleObject(name = "extra code", value = "{\"product\": 18, \"barcode\": \"0012345678905\", \"barcode_type\": \"upc\", \"is_primary\": false}")))
    @PostMapping("/api/products/barcodes")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Access.EDIT_CATALOG)
    BarcodeView create(@RequestBody BarcodeRequest r) {
        FieldErrors errors = new FieldErrors();
        if (r.product() == null) {
            errors.add("product", "validation.required");
        }
        String code = r.barcode() == null ? null : r.barcode().trim();
        if (FieldErrors.blank(code)) {
            errors.add("barcode", "validation.required");
        } else if (!CODE.matcher(code).matches()) {
            errors.add("barcode", "catalog.barcode_invalid");
        }
        String type = r.barcodeType() == null ? "ean13" : r.barcodeType();
        if (!TYPES.contains(type)) {
            errors.add("barcode_type", "catalog.barcode_type_invalid");
        }
        errors.throwIfAny();
        return tx.execute(s -> {
            if (jdbc.queryForList("select id from products where id = ? for update", Long.class, r.product()).isEmpty()) {
                throw FieldErrors.single("product", "catalog.product_not_found");
            }
            if (barcodes.taken(code, null)) {
                throw FieldErrors.single("barcode", "catalog.barcode_taken");
            }
            boolean primary = Boolean.TRUE.equals(r.isPrimary());
            if (primary) {
                jdbc.update("update product_barcodes set is_primary = false where product_id = ?", r.product());
            }
            try {
                long id = jdbc.queryForObject("insert into product_barcodes (product_id, barcode, barcode_type, is_primary) values (?, ?, ?, ?) returning id",
                        Long.class, r.product(), code, type, primary);
                return jdbc.queryForObject(SELECT + " where x.id = ?", ROW, id);
            } catch (DuplicateKeyException raced) {
                throw FieldErrors.single("barcode", "catalog.barcode_taken");
            }
        });
    }

    @Operation(summary = "One extra barcode")
    @GetMapping("/api/products/barcodes/{id}")
    @PreAuthorize(Access.READ_CATALOG)
    BarcodeView get(@PathVariable long id) {
        return tx.execute(s -> jdbc.query(SELECT + " where x.id = ?", ROW, id).stream().findFirst()
                .orElseThrow(() -> CatalogErrors.BARCODE_NOT_FOUND.exception()));
    }

    @Operation(summary = "Remove an extra barcode")
    @DeleteMapping("/api/products/barcodes/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(Access.EDIT_CATALOG)
    void delete(@PathVariable long id) {
        tx.executeWithoutResult(s -> {
            if (jdbc.update("delete from product_barcodes where id = ?", id) == 0) {
                throw CatalogErrors.BARCODE_NOT_FOUND.exception();
            }
        });
    }

    @Operation(summary = "The original's lookup by extra barcode: {barcode, product}")
    @GetMapping({"/api/products/barcodes/search_barcode", "/api/products/barcodes/search-barcode"})
    @PreAuthorize(Access.READ_CATALOG)
    Map<String, Object> search(@RequestParam(required = false) String barcode) {
        if (FieldErrors.blank(barcode)) {
            throw CatalogErrors.BARCODE_REQUIRED.exception();
        }
        return tx.execute(s -> {
            BarcodeView found = jdbc.query(SELECT + " where x.barcode = ?", ROW, barcode.trim()).stream().findFirst()
                    .orElseThrow(() -> CatalogErrors.BARCODE_NOT_FOUND.exception());
            return Map.of("barcode", found, "product", products.get(found.product()));
        });
    }
}

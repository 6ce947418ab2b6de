package dev.kassa.catalog.product;

import dev.kassa.catalog.category.CategoryService;
import dev.kassa.catalog.unit.Unit;
import dev.kassa.catalog.unit.UnitRepository;
import dev.kassa.catalog.unit.UnitService;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.error.Messages;
import dev.kassa.platform.imports.ImportHandler;
import dev.kassa.platform.imports.ImportKind;
import dev.kassa.platform.imports.ImportOptions;
import dev.kassa.platform.imports.ImportOutcome;
import dev.kassa.platform.imports.ImportRow;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static dev.kassa.platform.imports.ImportChanges.flag;
import static dev.kassa.platform.imports.ImportChanges.number;
import static dev.kassa.platform.imports.ImportChanges.text;
import static dev.kassa.platform.imports.ImportColumn.optional;
import static dev.kassa.platform.imports.ImportColumn.required;

/**
 * A spreadsheet of products into the catalogue (issue 62): the columns of the products export, so an exported file comes
 * back in. A row finds its product by SKU or barcode ({@code match}), by its name when that cell is empty; a product
 * found takes the row's filled cells that differ (an empty cell changes nothing, a row that changes nothing leaves the
 * product untouched), one not found is created as the product form creates it, its quantity becoming its first batch
 * at the row's cost through the stock ledger (movement reason {@code import}). A product's stock is not changed by a
 * row once it exists: receipts and counts do that. Categories and units the rows name and the store lacks are made.
 */
@Service
class ProductImportService implements ImportHandler {

    static final String KIND = "products";

    private static final ImportKind KIND_OF_IMPORT = new ImportKind(
            KIND,
            List.of(
                    optional("sku", "export.products.sku"),
                    optional("barcode", "export.products.barcode"),
                    required("name", "export.products.name"),
                    optional("category", "export.products.category"),
                    optional("unit", "export.products.unit"),
                    optional("sale_price", "export.products.sale_price"),
                    optional("cost_price", "export.products.cost_price"),
                    optional("quantity", "export.products.quantity"),
                    optional("min_quantity", "export.products.min_quantity"),
                    optional("is_active", "export.products.is_active"),
                    optional("description", "export.products.description")),
            List.of("sku", "barcode"));

    private final ProductService products;
    private final ProductRepository repository;
    private final CategoryService categories;
    private final UnitService units;
    private final UnitRepository unitRows;

    ProductImportService(
            ProductService products,
            ProductRepository repository,
            CategoryService categories,
            UnitService units,
            UnitRepository unitRows) {
        this.products = products;
        this.repository = repository;
        this.categories = categories;
        this.units = units;
        this.unitRows = unitRows;
    }

    @Override
    public ImportKind kind() {
        return KIND_OF_IMPORT;
    }

    @Override
    public String column(String field) {
        return "initial_quantity".equals(field) ? "quantity" : field;
    }

    @Override
    public Run start(ImportOptions options) {
        return new Rows(options.match());
    }

    /** One job's rows: the keys seen in the file so far, and the categories and units already looked up. */
    private final class Rows implements Run {
        private final String match;
        private final Map<String, Integer> seen = new HashMap<>();
        /** Categories and units by the name a row gives, as far as they were looked up (empty: the store has none). */
        private final Map<String, Optional<Long>> categoryIds = new HashMap<>();

        private final Map<String, Optional<Long>> unitIds = new HashMap<>();

        Rows(String match) {
            this.match = match;
        }

        @Override
        public ImportOutcome apply(ImportRow row) {
            String sku = row.text("sku");
            String barcode = row.text("barcode");
            String name = row.text("name");
            String category = row.text("category");
            String unit = row.text("unit");
            String description = row.text("description");
            BigDecimal sale = row.decimal("sale_price");
            BigDecimal cost = row.decimal("cost_price");
            BigDecimal quantity = row.decimal("quantity");
            BigDecimal minimum = row.decimal("min_quantity");
            Boolean active = row.flag("is_active");
            FieldErrors errors = row.errors();
            if (barcode != null && barcode.matches("\\d{13}") && !Ean13.isValid(barcode)) {
                errors.add("barcode", "catalog.barcode_check_digit", Ean13.checkDigit(barcode.substring(0, 12)));
            }
            String key = "barcode".equals(match) ? barcode : sku;
            String keyField = key != null ? match : "name";
            String seenKey =
                    key != null ? match + ":" + key : name != null ? "name:" + name.toLowerCase(Locale.ROOT) : null;
            if (seenKey != null) {
                // a row done again (its chunk redone a row at a time) is not its own duplicate
                Integer first = seen.putIfAbsent(seenKey, row.number());
                if (first != null && first != row.number()) {
                    errors.add(keyField, "import.duplicate_row", Messages.get("export.products." + keyField), first);
                }
            }
            errors.throwIfAny();
            Product existing = existing(key, name);
            if (existing == null) {
                products.create(
                        new CreateProductRequest(
                                name,
                                sku,
                                barcode,
                                description,
                                unit == null ? null : String.valueOf(unitId(unit)),
                                category == null ? null : String.valueOf(categoryId(category)),
                                cost,
                                sale,
                                null,
                                null,
                                quantity,
                                minimum,
                                null,
                                null,
                                null,
                                null,
                                null,
                                active),
                        "import");
                return ImportOutcome.CREATED;
            }
            CreateProductRequest changes = new CreateProductRequest(
                    text(name, existing.name()),
                    "barcode".equals(match) ? text(sku, existing.sku()) : null,
                    "sku".equals(match) ? text(barcode, existing.barcode()) : null,
                    text(description, existing.description()),
                    unit == null
                                    || Objects.equals(
                                            unitRows.resolve(unit).map(Unit::id).orElse(null), existing.unitId())
                            ? null
                            : String.valueOf(unitId(unit)),
                    category == null || Objects.equals(categories.find(category).orElse(null), existing.categoryId())
                            ? null
                            : String.valueOf(categoryId(category)),
                    number(cost, existing.costPrice()),
                    number(sale, existing.salePrice()),
                    null,
                    null,
                    null,
                    number(minimum, existing.minQuantity()),
                    null,
                    null,
                    null,
                    null,
                    null,
                    flag(active, existing.isActive()));
            if (changes.equals(UNCHANGED)) {
                return ImportOutcome.UNCHANGED;
            }
            products.change(existing, changes, true);
            return ImportOutcome.UPDATED;
        }

        /** The product the row names by its key; by its name (one product of that name) when the key is empty. */
        private Product existing(String key, String name) {
            if (key != null) {
                return ("barcode".equals(match) ? repository.findByBarcode(key) : repository.findBySku(key))
                        .orElse(null);
            }
            if (name == null) {
                return null;
            }
            List<Product> named = repository.findTop2ByNameIgnoreCaseOrderById(name);
            if (named.size() > 1) {
                throw FieldErrors.single("name", "import.name_ambiguous");
            }
            return named.isEmpty() ? null : named.get(0);
        }

        private Optional<Long> knownCategory(String name) {
            return categoryIds.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> categories.find(name));
        }

        /** The category of this name, made when the store has none. */
        private long categoryId(String name) {
            return knownCategory(name).orElseGet(() -> {
                long id = categories.named(name);
                categoryIds.put(name.toLowerCase(Locale.ROOT), Optional.of(id));
                return id;
            });
        }

        private Optional<Long> knownUnit(String value) {
            return unitIds.computeIfAbsent(
                    value.toLowerCase(Locale.ROOT), v -> unitRows.resolve(value).map(Unit::id));
        }

        /** The unit of this code or name, made when the store has none. */
        private long unitId(String value) {
            return knownUnit(value).orElseGet(() -> {
                long id = units.named(value);
                unitIds.put(value.toLowerCase(Locale.ROOT), Optional.of(id));
                return id;
            });
        }

        /** A row's writes were rolled back: the categories and units it made may be gone with them. */
        @Override
        public void forget() {
            categoryIds.clear();
            unitIds.clear();
        }
    }

    private static final CreateProductRequest UNCHANGED = new CreateProductRequest(
            null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
}

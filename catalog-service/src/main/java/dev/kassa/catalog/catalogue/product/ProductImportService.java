package dev.kassa.catalog.catalogue.product;

import dev.kassa.catalog.catalogue.OpeningStock;
import dev.kassa.catalog.catalogue.category.CategoryService;
import dev.kassa.catalog.catalogue.unit.Unit;
import dev.kassa.catalog.catalogue.unit.UnitRepository;
import dev.kassa.catalog.catalogue.unit.UnitService;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.error.KassaException;
import dev.kassa.platform.error.Messages;
import dev.kassa.platform.imports.ImportHandler;
import dev.kassa.platform.imports.ImportKind;
import dev.kassa.platform.imports.ImportOptions;
import dev.kassa.platform.imports.ImportOutcome;
import dev.kassa.platform.imports.ImportRow;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

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
                    optional("description", "export.products.description"),
                    optional("variant_of", "export.products.variant_of"),
                    optional("options", "export.products.options")),
            List.of("sku", "barcode"));

    private final ProductService products;
    private final ProductRepository repository;
    private final CategoryService categories;
    private final UnitService units;
    private final UnitRepository unitRows;
    private final ImportedVariants variants;

    ProductImportService(
            ProductService products,
            ProductRepository repository,
            CategoryService categories,
            UnitService units,
            UnitRepository unitRows,
            ProductVariantService variants) {
        this.products = products;
        this.variants = new ImportedVariants(repository, products, variants);
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
        return new Rows(options);
    }

    /**
     * One job's rows, a chunk at a time: the chunk's rows read and checked, the products their keys name read in one
     * query, the new ones checked and created together ({@link ProductService#createAll}), the changed ones changed one
     * by one. A refused row writes nothing: the categories and units the rows name and the store lacks are made only for
     * rows that passed the checks, and a dry run checks without writing. Kept from chunk to chunk: the keys seen in the
     * file so far, and the categories and units already looked up.
     */
    private final class Rows implements Run {
        private final String match;
        private final boolean dryRun;
        private final Map<String, Integer> seen = new HashMap<>();
        /** The categories and units the rows name, as far as they were looked up or made. */
        private final ImportedNames categoryNames = new ImportedNames(categories::find, categories::named);

        private final ImportedNames unitNames =
                new ImportedNames(value -> unitRows.resolve(value).map(Unit::id), units::named);
        /** Products this run created, and how many when PostgreSQL's statistics are next taken. */
        private int created;

        private int analyzeAt = 500;

        Rows(ImportOptions options) {
            this.match = options.match();
            this.dryRun = options.dryRun();
        }

        @Override
        public ImportOutcome apply(ImportRow row) {
            return applyAll(List.of(row)).get(0).orThrow();
        }

        @Override
        public List<Result> applyAll(List<ImportRow> rows) {
            Result[] results = new Result[rows.size()];
            List<ImportedLine> lines = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                try {
                    lines.add(read(i, rows.get(i)));
                } catch (KassaException refused) {
                    results[i] = Result.refused(refused);
                }
            }
            Map<String, Product> found = found(lines);
            List<ImportedLine> fresh = new ArrayList<>();
            for (ImportedLine line : lines) {
                try {
                    Product existing = line.key() != null ? found.get(line.key()) : named(line.name());
                    if (existing == null) {
                        fresh.add(line);
                    } else {
                        results[line.index()] = Result.of(update(existing, line));
                    }
                } catch (KassaException refused) {
                    results[line.index()] = Result.refused(refused);
                }
            }
            create(fresh, results);
            return Arrays.asList(results);
        }

        /** A row's cells, refused when one cannot be read, a barcode's check digit is wrong or a key came before. */
        private ImportedLine read(int index, ImportRow row) {
            String sku = row.text("sku");
            String barcode = row.text("barcode");
            String name = row.text("name");
            ImportedLine line = new ImportedLine(
                    index,
                    "barcode".equals(match) ? barcode : sku,
                    sku,
                    barcode,
                    name,
                    row.text("category"),
                    row.text("unit"),
                    row.text("description"),
                    row.decimal("sale_price"),
                    row.decimal("cost_price"),
                    row.decimal("quantity"),
                    row.decimal("min_quantity"),
                    row.flag("is_active"),
                    row.text("variant_of"),
                    VariantOptions.parse(row.text("options"), row.errors()));
            FieldErrors errors = row.errors();
            // a control character in what a label, a receipt or an order prints, or a lookup reads, refuses the row
            for (String field : List.of("sku", "barcode", "name", "category", "unit", "variant_of", "options")) {
                errors.printable(field, row.text(field));
            }
            errors.printable("description", line.description(), true);
            if (line.parent() != null && line.options().isEmpty()) {
                errors.add("options", "catalog.variant_option_invalid");
            }
            if (barcode != null && barcode.matches("\\d{13}") && !Ean13.isValid(barcode)) {
                errors.add("barcode", "catalog.barcode_check_digit", Ean13.checkDigit(barcode.substring(0, 12)));
            }
            String keyField = line.key() != null ? match : "name";
            String keyValue = line.key() != null ? line.key() : name == null ? null : name.toLowerCase(Locale.ROOT);
            once(row, errors, keyField, keyValue);
            // the other code names one product too: a second row giving it would be refused by the store
            once(row, errors, "barcode".equals(match) ? "sku" : "barcode", "barcode".equals(match) ? sku : barcode);
            errors.throwIfAny();
            return line;
        }

        /** A key a row gives, refused when a row before it in the file gave it. */
        private void once(ImportRow row, FieldErrors errors, String field, String value) {
            if (value == null) {
                return;
            }
            // a row done again (its chunk redone a row at a time) is not its own duplicate
            Integer first = seen.putIfAbsent(field + ":" + value, row.number());
            if (first != null && first != row.number()) {
                errors.add(field, "import.duplicate_row", Messages.get("export.products." + field), first);
            }
        }

        /** The products the lines' keys name, by key, in one query. */
        private Map<String, Product> found(List<ImportedLine> lines) {
            List<String> keys = lines.stream()
                    .map(ImportedLine::key)
                    .filter(Objects::nonNull)
                    .toList();
            if (keys.isEmpty()) {
                return Map.of();
            }
            Map<String, Product> found = new HashMap<>();
            if ("barcode".equals(match)) {
                repository.findByBarcodeIn(keys).forEach(p -> found.put(p.barcode(), p));
            } else {
                repository.findBySkuIn(keys).forEach(p -> found.put(p.sku(), p));
            }
            return found;
        }

        /** The one product of this name (a row without its key); refused when two have it. */
        private Product named(String name) {
            if (name == null) {
                return null;
            }
            List<Product> named = repository.findTop2ByNameIgnoreCaseOrderById(name);
            if (named.size() > 1) {
                throw FieldErrors.single("name", "import.name_ambiguous");
            }
            return named.isEmpty() ? null : named.get(0);
        }

        /** The row's filled cells that differ, on the product it found; checked first when it names a new category or unit. */
        private ImportOutcome update(Product existing, ImportedLine line) {
            boolean makesNames = makesNames(line);
            CreateProductRequest probe = changes(existing, line, false);
            if (!makesNames && probe.equals(CreateProductRequest.UNCHANGED)) {
                return ImportOutcome.UNCHANGED;
            }
            if (dryRun || makesNames) {
                products.checkChange(existing, probe);
            }
            if (dryRun) {
                return ImportOutcome.UPDATED;
            }
            products.change(existing, makesNames ? changes(existing, line, true) : probe, true);
            return ImportOutcome.UPDATED;
        }

        /**
         * A found product's changes: an empty cell changes nothing. A category or unit the store lacks is made when
         * {@code make}, left out otherwise (the rest is checked before it is made).
         */
        private CreateProductRequest changes(Product existing, ImportedLine line, boolean make) {
            Long unitId = id(unitNames, line.unit(), make);
            Long categoryId = id(categoryNames, line.category(), make);
            return new CreateProductRequest(
                    text(line.name(), existing.name()),
                    "barcode".equals(match) ? text(line.sku(), existing.sku()) : null,
                    "sku".equals(match) ? text(line.barcode(), existing.barcode()) : null,
                    text(line.description(), existing.description()),
                    unitId == null || unitId.equals(existing.unitId()) ? null : String.valueOf(unitId),
                    categoryId == null || categoryId.equals(existing.categoryId()) ? null : String.valueOf(categoryId),
                    number(line.cost(), existing.costPrice()),
                    number(line.sale(), existing.salePrice()),
                    null,
                    null,
                    null,
                    number(line.minimum(), existing.minQuantity()),
                    null,
                    null,
                    null,
                    null,
                    null,
                    flag(line.active(), existing.isActive()),
                    null,
                    null);
        }

        /**
         * The chunk's new products, created together; checked first (refusals in their rows' places) when a row names
         * a category or unit the store lacks, which is made only for rows that pass, and in a dry run.
         */
        private void create(List<ImportedLine> lines, Result[] results) {
            List<ImportedLine> fresh =
                    lines.stream().filter(l -> l.parent() == null).toList();
            createProducts(fresh, results);
            // after the chunk's other new products: a variant's parent may be one of them
            lines.stream()
                    .filter(l -> l.parent() != null)
                    .forEach(l -> results[l.index()] =
                            variants.take(l.parent(), l.variant(), dryRun, sku -> seen.containsKey("sku:" + sku)));
        }

        private void createProducts(List<ImportedLine> fresh, Result[] results) {
            if (fresh.isEmpty()) {
                return;
            }
            List<ImportedLine> passing = fresh;
            if (dryRun || fresh.stream().anyMatch(this::makesNames)) {
                List<ProductService.Created> checked = products.createAll(
                        fresh.stream().map(l -> form(l, false)).toList(), OpeningStock.Source.IMPORT, false);
                passing = new ArrayList<>();
                for (int k = 0; k < fresh.size(); k++) {
                    ImportedLine line = fresh.get(k);
                    if (checked.get(k).refusal() != null) {
                        results[line.index()] = Result.refused(checked.get(k).refusal());
                    } else if (dryRun) {
                        results[line.index()] = Result.of(ImportOutcome.CREATED);
                    } else {
                        passing.add(line);
                    }
                }
                if (dryRun || passing.isEmpty()) {
                    return;
                }
            }
            List<ProductService.Created> made = products.createAll(
                    passing.stream().map(l -> form(l, true)).toList(), OpeningStock.Source.IMPORT, true);
            for (int k = 0; k < passing.size(); k++) {
                if (made.get(k).refusal() != null) {
                    results[passing.get(k).index()] = Result.refused(made.get(k).refusal());
                } else {
                    results[passing.get(k).index()] = Result.of(ImportOutcome.CREATED);
                    created++;
                }
            }
            // the file grows the tables far faster than PostgreSQL's own statistics follow: plans made for the few
            // rows there were (scans of whole tables) would otherwise serve every later chunk and every till
            if (created >= analyzeAt) {
                repository.analyze();
                analyzeAt = created * 2;
            }
        }

        /** A new product's form; a category or unit the store lacks is made when {@code make}, left out otherwise. */
        private CreateProductRequest form(ImportedLine line, boolean make) {
            Long unit = id(unitNames, line.unit(), make);
            Long category = id(categoryNames, line.category(), make);
            return new CreateProductRequest(
                    line.name(),
                    line.sku(),
                    line.barcode(),
                    line.description(),
                    unit == null ? null : String.valueOf(unit),
                    category == null ? null : String.valueOf(category),
                    line.cost(),
                    line.sale(),
                    null,
                    null,
                    line.quantity(),
                    line.minimum(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    line.active(),
                    null,
                    null);
        }

        /** The id of the category or unit a cell names; one the store lacks is made when {@code make}, null otherwise. */
        private static Long id(ImportedNames names, String value, boolean make) {
            return value == null
                    ? null
                    : make ? Long.valueOf(names.id(value)) : names.known(value).orElse(null);
        }

        /** Whether the row names a category or a unit the store lacks. */
        private boolean makesNames(ImportedLine line) {
            return (line.unit() != null && unitNames.known(line.unit()).isEmpty())
                    || (line.category() != null
                            && categoryNames.known(line.category()).isEmpty());
        }

        /**
         * A chunk's writes were rolled back: the categories and units the run made may be gone with them (those it
         * found in the store, and those it only looked for in a dry run, are as they were).
         */
        @Override
        public void forget() {
            categoryNames.forget();
            unitNames.forget();
        }
    }
}

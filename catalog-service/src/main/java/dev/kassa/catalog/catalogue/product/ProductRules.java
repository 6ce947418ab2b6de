package dev.kassa.catalog.catalogue.product;

import dev.kassa.catalog.CatalogErrors;
import dev.kassa.catalog.catalogue.category.Category;
import dev.kassa.catalog.catalogue.category.CategoryRepository;
import dev.kassa.catalog.catalogue.unit.Unit;
import dev.kassa.catalog.catalogue.unit.UnitRepository;
import dev.kassa.platform.data.Coded;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.error.KassaException;
import dev.kassa.platform.validation.RequestRules;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.kassa.platform.data.Values.blankToNull;

/**
 * A product form's rules beyond those its record declares: the name a create and a PUT need, the unit and the category
 * it names (they must exist), a sale price not below the cost, a SKU and a barcode free in the store, and stock only on
 * a create, and a product made ahead with a recipe made on sale again only while it has no stock of its own and goes
 * into no other product. Every broken rule, declared or not, comes in one answer; what passes comes back as the values
 * the product takes.
 */
@Component
class ProductRules {

    /**
     * The checked form: prices in cents and quantities in thousandths; a new product's SKU or barcode null to generate
     * it; whether it is hazardous goods and when it is made.
     */
    record Fields(
            Long unitId,
            Long categoryId,
            BigDecimal costPrice,
            BigDecimal salePrice,
            BigDecimal wholesalePrice,
            BigDecimal taxRate,
            BigDecimal initialQuantity,
            BigDecimal minQuantity,
            BigDecimal maxQuantity,
            String sku,
            String barcode,
            boolean hazardous,
            Made made) {}

    private final RequestRules declared;
    private final ProductRepository products;
    private final UnitRepository units;
    private final CategoryRepository categories;
    private final BarcodeRepository barcodes;
    private final ProductCodes codes;
    private final ProductSearchRepository search;

    ProductRules(
            RequestRules declared,
            ProductRepository products,
            UnitRepository units,
            CategoryRepository categories,
            BarcodeRepository barcodes,
            ProductCodes codes,
            ProductSearchRepository search) {
        this.declared = declared;
        this.search = search;
        this.products = products;
        this.units = units;
        this.categories = categories;
        this.barcodes = barcodes;
        this.codes = codes;
    }

    /** A new product's checked values, or why it is refused. */
    record Checked(Fields fields, KassaException refusal) {}

    /**
     * New products (the unit {@code pcs} unless one is named, prices and quantities zero unless given), each checked
     * against the store and against the forms before it that pass (the second form giving a SKU or a barcode is
     * refused): one query each for the units, the categories and the codes taken, whatever the number of forms.
     */
    List<Checked> ofNew(List<CreateProductRequest> forms) {
        Map<String, Optional<Unit>> unitsByValue = new HashMap<>();
        Set<Long> knownCategories = knownCategories(forms);
        NewProducts.Taken taken = products.taken(
                codes(forms, CreateProductRequest::sku), codes(forms, CreateProductRequest::barcode), List.of());
        Set<String> skusBefore = new HashSet<>();
        Set<String> barcodesBefore = new HashSet<>();
        List<Checked> checked = new ArrayList<>(forms.size());
        for (CreateProductRequest r : forms) {
            FieldErrors errors = declared.check(r);
            errors.required("name", r.name());
            Optional<Unit> unit = newUnit(errors, r, unitsByValue);
            Long categoryId = newCategory(errors, r, knownCategories);
            BigDecimal cost = money(r.costPrice());
            BigDecimal sale = money(r.salePrice());
            BigDecimal wholesale = r.wholesalePrice() == null ? null : money(r.wholesalePrice());
            checkMargin(errors, cost, sale);
            // stock comes with a create only: an edit refuses the field whole (catalog.stock_through_batches)
            errors.quantity("initial_quantity", r.initialQuantity(), FieldErrors.MAX_QUANTITY);
            String sku = blankToNull(r.sku());
            if (sku != null) {
                checkSku(errors, sku, () -> taken.skus().contains(sku) || skusBefore.contains(sku));
            }
            String barcode = blankToNull(r.barcode());
            if (barcode != null) {
                checkBarcode(
                        errors, barcode, () -> taken.barcodes().contains(barcode) || barcodesBefore.contains(barcode));
            }
            KassaException refusal = errors.refusal();
            if (refusal != null) {
                checked.add(new Checked(null, refusal));
                continue;
            }
            if (sku != null) {
                skusBefore.add(sku);
            }
            if (barcode != null) {
                barcodesBefore.add(barcode);
            }
            checked.add(new Checked(
                    new Fields(
                            unit.get().id(),
                            categoryId,
                            cost,
                            sale,
                            wholesale,
                            percent(r.taxRate()),
                            quantity(r.initialQuantity()),
                            quantity(r.minQuantity()),
                            r.maxQuantity() == null ? null : quantity(r.maxQuantity()),
                            sku,
                            barcode,
                            Boolean.TRUE.equals(r.hazardous()),
                            r.made() == null ? Made.ON_SALE : Made.of(r.made())),
                    null));
        }
        return checked;
    }

    /** The categories the forms name that exist (one query). */
    private Set<Long> knownCategories(List<CreateProductRequest> forms) {
        Set<Long> known = new HashSet<>();
        categories
                .findAllById(forms.stream()
                        .map(r -> FieldErrors.blank(r.category())
                                ? null
                                : categoryId(r.category().trim()))
                        .filter(Objects::nonNull)
                        .collect(Collectors.toSet()))
                .forEach(c -> known.add(c.id()));
        return known;
    }

    /** A new product's unit: the one its form names, {@code pcs} when it names none; an error when there is no such. */
    private Optional<Unit> newUnit(
            FieldErrors errors, CreateProductRequest r, Map<String, Optional<Unit>> unitsByValue) {
        String unitValue = FieldErrors.blank(r.unit()) ? "pcs" : r.unit().trim();
        Optional<Unit> unit = unitsByValue.computeIfAbsent(unitValue, units::resolve);
        if (unit.isEmpty()) {
            errors.add("unit", "catalog.unit_unknown", r.unit());
        }
        return unit;
    }

    /** A new product's category: the one its form names if it is {@code known}; else none (an error if named). */
    private static Long newCategory(FieldErrors errors, CreateProductRequest r, Set<Long> known) {
        if (FieldErrors.blank(r.category())) {
            return null;
        }
        Long categoryId = categoryId(r.category().trim());
        if (categoryId == null || !known.contains(categoryId)) {
            errors.add("category", "catalog.category_unknown");
            return null;
        }
        return categoryId;
    }

    /** The codes of one kind the forms give that have a code's format (those that have not are refused anyway). */
    private static List<String> codes(List<CreateProductRequest> forms, Function<CreateProductRequest, String> code) {
        return forms.stream()
                .map(code)
                .map(c -> blankToNull(c))
                .filter(c -> c != null && CodeFormat.PATTERN.matcher(c).matches())
                .distinct()
                .toList();
    }

    /**
     * A product's new values: what the form gives, the product's own for the rest (PATCH, {@code partial}; a PUT names
     * the product too). An empty barcode gets a generated EAN-13; stock is refused (batches and adjustments change it).
     */
    Fields ofEdit(Product p, CreateProductRequest r, boolean partial) {
        FieldErrors errors = declared.check(r);
        if (!partial || r.name() != null) {
            errors.required("name", r.name());
        }
        Long unitId = p.unitId();
        if (r.unit() != null) {
            unitId = units.resolve(r.unit().trim()).map(Unit::id).orElse(null);
            if (unitId == null) {
                errors.add("unit", "catalog.unit_unknown", r.unit());
            }
        }
        Long categoryId = p.categoryId();
        if (r.category() != null) {
            categoryId = r.category().isBlank() ? null : category(r.category().trim());
            if (categoryId == null && !r.category().isBlank()) {
                errors.add("category", "catalog.category_unknown");
            }
        }
        BigDecimal cost = r.costPrice() != null ? money(r.costPrice()) : p.costPrice();
        BigDecimal sale = r.salePrice() != null ? money(r.salePrice()) : p.salePrice();
        checkMargin(errors, cost, sale);
        String sku = p.sku();
        if (r.sku() != null) {
            sku = r.sku().trim();
            String wanted = sku;
            checkSku(errors, sku, () -> !wanted.equals(p.sku()) && products.existsBySku(wanted));
        }
        String barcode = p.barcode();
        if (r.barcode() != null) {
            barcode = r.barcode().isBlank() ? codes.ean13() : r.barcode().trim();
            String wanted = barcode;
            checkBarcode(errors, barcode, () -> barcodes.taken(wanted, p.id()));
        }
        if (r.initialQuantity() != null || r.batchNumber() != null || r.expiryDate() != null) {
            errors.add("initial_quantity", "catalog.stock_through_batches");
        }
        Made made = Coded.of(Made.class, r.made()).orElse(p.made()); // a code refused above: as it is
        boolean stockOfItsOwn = made == Made.ON_SALE && p.made() == Made.AHEAD && madeOnSale(p.id(), errors);
        errors.throwIfAny();
        if (stockOfItsOwn) {
            throw CatalogErrors.MADE_HAS_STOCK.exception();
        }
        return new Fields(
                unitId,
                categoryId,
                cost,
                sale,
                r.wholesalePrice() != null ? money(r.wholesalePrice()) : p.wholesalePrice(),
                r.taxRate() != null ? percent(r.taxRate()) : p.taxRate(),
                null,
                r.minQuantity() != null ? quantity(r.minQuantity()) : p.minQuantity(),
                r.maxQuantity() != null ? quantity(r.maxQuantity()) : p.maxQuantity(),
                sku,
                barcode,
                r.hazardous() != null ? r.hazardous() : p.hazardous(),
                made);
    }

    /**
     * A product made ahead switched to made on sale (the product locked first, against goods arriving meanwhile): with
     * a recipe it may then go into no other product's recipe nor an option (a component has stock of its own); answers
     * whether it has a recipe and stock of its own, which its components' figures would hide (refused, 409).
     */
    private boolean madeOnSale(long id, FieldErrors errors) {
        products.lock(id);
        ProductSearchRepository.Making making = search.making(id);
        if (making.hasRecipe() && making.component()) {
            errors.add("made", "catalog.made_component");
        }
        return making.hasRecipe() && making.stocked();
    }

    /** A category named by its id; null when there is none. */
    private Long category(String value) {
        Long id = categoryId(value);
        return id == null ? null : categories.findById(id).map(Category::id).orElse(null);
    }

    /** The id a category's value gives; null when it is not one. */
    private static Long categoryId(String value) {
        return value.chars().allMatch(Character::isDigit) && value.length() < 18 ? Long.parseLong(value) : null;
    }

    private static void checkMargin(FieldErrors errors, BigDecimal cost, BigDecimal sale) {
        if (cost.signum() > 0 && sale.signum() > 0 && sale.compareTo(cost) < 0) {
            errors.add("sale_price", "catalog.sale_below_cost");
        }
    }

    /**
     * A SKU of the code's format that no other product has ({@code taken}: whether another has it).
     */
    private static void checkSku(FieldErrors errors, String sku, BooleanSupplier taken) {
        if (!CodeFormat.PATTERN.matcher(sku).matches()) {
            errors.add("sku", "catalog.barcode_invalid");
        } else if (taken.getAsBoolean()) {
            errors.add("sku", "catalog.sku_taken");
        }
    }

    /** A barcode of the code's format that no other product has as its own or an extra code. */
    private static void checkBarcode(FieldErrors errors, String barcode, BooleanSupplier taken) {
        if (!CodeFormat.PATTERN.matcher(barcode).matches()) {
            errors.add("barcode", "catalog.barcode_invalid");
        } else if (taken.getAsBoolean()) {
            errors.add("barcode", "catalog.barcode_taken");
        }
    }

    /** A price in cents (the record's {@code @Price} has checked it); none is zero. */
    private static BigDecimal money(BigDecimal value) {
        return value == null ? BigDecimal.ZERO.setScale(2) : value.setScale(2, RoundingMode.HALF_UP);
    }

    /** A rate in hundredths of a percent (the record's {@code @TaxRate} has checked it); none is zero. */
    private static BigDecimal percent(BigDecimal value) {
        return value == null ? BigDecimal.ZERO.setScale(2) : value.setScale(2, RoundingMode.HALF_UP);
    }

    /** A quantity in thousandths; none is zero. */
    private static BigDecimal quantity(BigDecimal value) {
        return value == null ? BigDecimal.ZERO.setScale(3) : value.setScale(3, RoundingMode.HALF_UP);
    }
}

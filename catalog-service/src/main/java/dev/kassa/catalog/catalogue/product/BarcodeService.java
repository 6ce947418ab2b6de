package dev.kassa.catalog.catalogue.product;

import dev.kassa.catalog.CatalogErrors;
import dev.kassa.catalog.catalogue.product.BarcodeRepository.Extra;
import dev.kassa.platform.error.FieldErrors;
import dev.kassa.platform.error.KassaException;
import dev.kassa.platform.validation.Create;
import dev.kassa.platform.validation.DomainValidated;
import dev.kassa.platform.validation.OneOf;
import dev.kassa.platform.validation.RequestRules;
import dev.kassa.platform.validation.Required;
import dev.kassa.platform.validation.Whole;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.Map;

/** Scanning (product, extra and batch codes) and a product's extra barcodes (spec C18, C30, C31). */
@Service
@Transactional
class BarcodeService {

    /**
     * An extra code of a product: {@code product} and {@code barcode} on a create, {@code barcode} on a PUT (checked by
     * the service, with the rules that need the stored code).
     */
    @DomainValidated
    record BarcodeRequest(
            @Required(groups = Create.class) Long product,
            @Required(groups = Whole.class) @CodeFormat String barcode,
            @OneOf(
                            values = {"ean13", "ean8", "upc", "qr", "code128", "code39", "internal"},
                            message = "catalog.barcode_type_invalid")
                    String barcodeType,
            Boolean isPrimary) {}

    /** The product behind a scanned code, how the code matched it and, for a batch's code, that batch. */
    record Scan(ProductView product, String matched, Long batch) {}

    /** An extra barcode and its product. */
    record BarcodeLookup(Extra barcode, ProductView product) {}

    private final BarcodeRepository barcodes;
    private final ProductRepository productRows;
    private final ProductService products;
    private final RequestRules rules;

    BarcodeService(
            BarcodeRepository barcodes, ProductRepository productRows, ProductService products, RequestRules rules) {
        this.barcodes = barcodes;
        this.productRows = productRows;
        this.products = products;
        this.rules = rules;
    }

    /**
     * An inactive product is not found by its codes (it cannot be sold). One statement, outside a transaction: the code
     * and the product's page read together.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    Scan scan(String barcode) {
        if (FieldErrors.blank(barcode)) {
            throw CatalogErrors.BARCODE_REQUIRED.exception();
        }
        String code = barcode.trim();
        ProductService.Scanned scanned = products.scanned(code).orElseThrow(() -> notFound(code));
        if (!scanned.product().isActive()) {
            throw notFound(code);
        }
        return new Scan(scanned.product(), scanned.kind(), scanned.batchId());
    }

    private static KassaException notFound(String code) {
        return CatalogErrors.PRODUCT_NOT_FOUND_BY_BARCODE.exception(Map.of("barcode", code), code);
    }

    @Transactional(readOnly = true)
    Page<Extra> page(BarcodeRepository.Filter filter, Pageable page) {
        return barcodes.page(filter, page);
    }

    @Transactional(readOnly = true)
    Extra get(long id) {
        return barcodes.extra(id).orElseThrow(() -> CatalogErrors.BARCODE_NOT_FOUND.exception());
    }

    /** The original's lookup by an extra code: the code and its product. */
    @Transactional(readOnly = true)
    BarcodeLookup search(String barcode) {
        if (FieldErrors.blank(barcode)) {
            throw CatalogErrors.BARCODE_REQUIRED.exception();
        }
        Extra found =
                barcodes.extraByCode(barcode.trim()).orElseThrow(() -> CatalogErrors.BARCODE_NOT_FOUND.exception());
        return new BarcodeLookup(found, products.get(found.product()));
    }

    /** Codes are unique in the store's one barcode space; the product is locked so two additions of one code cannot both pass. */
    Extra create(BarcodeRequest r) {
        rules.check(r, Create.class).throwIfAny();
        String code = r.barcode().trim();
        String type = r.barcodeType() == null ? "ean13" : r.barcodeType();
        if (productRows.lock(r.product()).isEmpty()) {
            throw FieldErrors.single("product", "catalog.product_not_found");
        }
        if (barcodes.taken(code, null)) {
            throw FieldErrors.single("barcode", "catalog.barcode_taken");
        }
        try {
            return get(barcodes.addExtra(r.product(), code, type, Boolean.TRUE.equals(r.isPrimary())));
        } catch (DuplicateKeyException raced) {
            throw FieldErrors.single("barcode", "catalog.barcode_taken");
        }
    }

    /**
     * Changes an extra code (PUT, {@code whole}: {@code barcode} required; PATCH: what is given). It stays with its
     * product; a new code must be free in the store's barcode space, checked with the product locked as on create.
     */
    Extra update(long id, BarcodeRequest r, boolean whole) {
        Extra current = get(id);
        FieldErrors errors = rules.check(r, whole);
        if (r.product() != null && r.product() != current.product()) {
            errors.add("product", "catalog.barcode_product_fixed");
        }
        errors.throwIfAny();
        String type = r.barcodeType() == null ? current.barcodeType() : r.barcodeType();
        productRows.lock(current.product());
        String next = r.barcode() == null ? current.barcode() : r.barcode().trim();
        if (!next.equals(current.barcode()) && barcodes.taken(next, null)) {
            throw FieldErrors.single("barcode", "catalog.barcode_taken");
        }
        try {
            barcodes.updateExtra(
                    id, current.product(), next, type, r.isPrimary() == null ? current.isPrimary() : r.isPrimary());
        } catch (DuplicateKeyException raced) {
            throw FieldErrors.single("barcode", "catalog.barcode_taken");
        }
        return get(id);
    }

    void delete(long id) {
        if (!barcodes.deleteExtra(id)) {
            throw CatalogErrors.BARCODE_NOT_FOUND.exception();
        }
    }
}

package dev.kassa.catalog.product;

import dev.kassa.catalog.Slugify;
import dev.kassa.platform.tenancy.Tenant;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The codes Kassa makes for a product when its form names none (spec §3.2.2): a slug, a SKU and an EAN-13, each free in
 * the store, and the number and barcode of the first batch. Asked inside the transaction that saves them.
 */
@Component
class ProductCodes {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ProductRepository products;

    ProductCodes(ProductRepository products) {
        this.products = products;
    }

    /** The name's slug, with a random suffix while another product has it. */
    String slug(String name) {
        String base = Slugify.of(name);
        String slug = base.isEmpty() ? "product-" + hex(4) : base;
        while (products.existsBySlug(slug)) {
            slug = base + "-" + hex(4);
        }
        return slug;
    }

    /** {@code UPPER(<first 15 of the slug>_<local yyyyMMdd>_<8 hex>)}, spec §3.2.2, with the store's date. */
    String sku(String name, Tenant tenant) {
        String base = Slugify.of(name).replace('-', '_');
        base = base.isEmpty() ? "ITEM" : base.substring(0, Math.min(15, base.length()));
        String sku;
        do {
            sku = (base + "_" + tenant.today().format(DateTimeFormatter.BASIC_ISO_DATE) + "_" + hex(4))
                    .toUpperCase(Locale.ROOT);
        } while (products.existsBySku(sku));
        return sku;
    }

    /** An EAN-13 with prefix 487 and a valid check digit, unique in the store. */
    String ean13() {
        String code;
        do {
            StringBuilder digits = new StringBuilder("487");
            for (int i = 0; i < 9; i++) {
                digits.append(RANDOM.nextInt(10));
            }
            code = digits.append(Ean13.checkDigit(digits.toString())).toString();
        } while (products.existsByBarcode(code));
        return code;
    }

    /** The first batch's number when the form gives none: {@code BATCH-} and 8 hex digits. */
    String batchNumber() {
        return "BATCH-" + hex(4).toUpperCase(Locale.ROOT);
    }

    /** The first batch's own barcode: {@code BATCH-} and 12 hex digits. */
    String batchBarcode() {
        return "BATCH-" + hex(6).toUpperCase(Locale.ROOT);
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}

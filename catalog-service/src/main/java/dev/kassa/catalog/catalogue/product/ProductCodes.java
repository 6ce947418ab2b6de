package dev.kassa.catalog.catalogue.product;

import dev.kassa.catalog.catalogue.entry.Slugify;
import dev.kassa.platform.tenancy.Tenant;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The codes Kassa makes for a product when its form names none (spec §3.2.2): a slug, a SKU and an EAN-13, each free in
 * the store and among the products made with it. Asked inside the transaction that saves them.
 */
@Component
class ProductCodes {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new product's name, and the SKU and barcode its form gives (null: made here). */
    record Wanted(String name, String sku, String barcode) {}

    /** A new product's codes. */
    record Assigned(String slug, String sku, String barcode) {}

    private final ProductRepository products;

    ProductCodes(ProductRepository products) {
        this.products = products;
    }

    /**
     * The codes of new products (the SKUs and barcodes their forms give are already checked, and kept): the name's
     * slug, with a random suffix while another product has it; {@code UPPER(<first 15 of the slug>_<local
     * yyyyMMdd>_<8 hex>)} for a SKU, with the store's date; an EAN-13 with prefix 487. One query asks the store about
     * all of them, another about the few made again.
     */
    List<Assigned> forNew(List<Wanted> wanted, Tenant tenant) {
        int n = wanted.size();
        String[] slugs = new String[n];
        String[] skus = new String[n];
        String[] barcodes = new String[n];
        Set<String> usedSlugs = new HashSet<>();
        Set<String> usedSkus = new HashSet<>();
        Set<String> usedBarcodes = new HashSet<>();
        Set<Integer> slugsToCheck = new LinkedHashSet<>();
        Set<Integer> skusToCheck = new LinkedHashSet<>();
        Set<Integer> barcodesToCheck = new LinkedHashSet<>();
        String date = tenant.today().format(DateTimeFormatter.BASIC_ISO_DATE);
        for (int i = 0; i < n; i++) {
            Wanted w = wanted.get(i);
            String base = Slugify.of(w.name());
            slugs[i] = base.isEmpty() ? "product-" + hex(4) : base;
            slugsToCheck.add(i);
            if (w.sku() != null) {
                skus[i] = w.sku();
                usedSkus.add(w.sku());
            } else {
                skus[i] = sku(w.name(), date);
                skusToCheck.add(i);
            }
            if (w.barcode() != null) {
                barcodes[i] = w.barcode();
                usedBarcodes.add(w.barcode());
            } else {
                barcodes[i] = ean13Candidate();
                barcodesToCheck.add(i);
            }
        }
        while (!slugsToCheck.isEmpty() || !skusToCheck.isEmpty() || !barcodesToCheck.isEmpty()) {
            NewProducts.Taken taken = products.taken(
                    skusToCheck.stream().map(i -> skus[i]).toList(),
                    barcodesToCheck.stream().map(i -> barcodes[i]).toList(),
                    slugsToCheck.stream().map(i -> slugs[i]).toList());
            keepFree(
                    slugsToCheck,
                    slugs,
                    taken.slugs(),
                    usedSlugs,
                    i -> slugAgain(wanted.get(i).name()));
            keepFree(
                    skusToCheck,
                    skus,
                    taken.skus(),
                    usedSkus,
                    i -> sku(wanted.get(i).name(), date));
            keepFree(barcodesToCheck, barcodes, taken.barcodes(), usedBarcodes, i -> ean13Candidate());
        }
        List<Assigned> made = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            made.add(new Assigned(slugs[i], skus[i], barcodes[i]));
        }
        return made;
    }

    /**
     * Leaves out of {@code toCheck} each code that neither the store ({@code taken}) nor an earlier product of the same
     * call ({@code used}) has; the others get a new candidate ({@code again}) and stay, to be asked about again.
     */
    private static void keepFree(
            Set<Integer> toCheck, String[] codes, Set<String> taken, Set<String> used, IntFunction<String> again) {
        toCheck.removeIf(i -> {
            if (taken.contains(codes[i]) || !used.add(codes[i])) {
                codes[i] = again.apply(i);
                return false;
            }
            return true;
        });
    }

    /** Another slug for a name whose slug is taken: the name's (or {@code product}) with a random suffix. */
    private static String slugAgain(String name) {
        String base = Slugify.of(name);
        return (base.isEmpty() ? "product" : base) + "-" + hex(4);
    }

    /** An EAN-13 with prefix 487 and a valid check digit, unique in the store (a product's barcode cleared). */
    String ean13() {
        String code;
        do {
            code = ean13Candidate();
        } while (products.existsByBarcode(code));
        return code;
    }

    private static String sku(String name, String date) {
        String base = Slugify.of(name).replace('-', '_');
        base = base.isEmpty() ? "ITEM" : base.substring(0, Math.min(15, base.length()));
        return (base + "_" + date + "_" + hex(4)).toUpperCase(Locale.ROOT);
    }

    private static String ean13Candidate() {
        StringBuilder digits = new StringBuilder("487");
        for (int i = 0; i < 9; i++) {
            digits.append(RANDOM.nextInt(10));
        }
        return digits.append(Ean13.checkDigit(digits.toString())).toString();
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}

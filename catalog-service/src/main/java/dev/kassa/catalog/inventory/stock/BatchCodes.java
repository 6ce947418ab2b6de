package dev.kassa.catalog.inventory.stock;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/** The codes Kassa gives a batch when nobody names them: its number and its own barcode, random hex after a prefix. */
final class BatchCodes {

    private static final SecureRandom RANDOM = new SecureRandom();

    private BatchCodes() {}

    /** A received batch's number: {@code BATCH-} and 8 hex digits. */
    static String number() {
        return "BATCH-" + hex(4);
    }

    /** The number of a batch an adjustment had to make (a product without one to add to): {@code ADJ-} and 8 hex digits. */
    static String adjustmentNumber() {
        return "ADJ-" + hex(4);
    }

    /** A batch's own barcode: {@code BATCH-} and 12 hex digits. */
    static String barcode() {
        return "BATCH-" + hex(6);
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b).toUpperCase(Locale.ROOT);
    }
}

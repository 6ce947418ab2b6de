package dev.kassa.catalog.inventory.document;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A document's number as its barcode carries it, read back: which record it names and by what. The numbers are the
 * records' own where they have one: {@code PO-000012-R2} (the second receipt of purchase order {@code PO-000012}),
 * {@code GR-000123} (batch 123 received by hand), {@code TR-000007-AB12CD34} (transfer {@code TR-000007} of the store
 * whose key ends in {@code ab12cd34}: each store numbers its own transfers, and the receiving store scans them),
 * {@code MOVE-0A1B2C3D} (a move's reference) and {@code CNT-000042} (count 42). A scan is read whatever its case and
 * the spaces around it.
 *
 * @param kind  what the number names
 * @param owner the order's or the transfer's number, or the move's reference; null for the others
 * @param value the receipt's place among the order's receipts (from 1), the batch's or the count's id; 0 for the
 *              others
 * @param store the last 8 hex digits of the key of the store that shipped a transfer, lower case; null when not given
 */
record DocumentNumber(Kind kind, String owner, long value, String store) {

    /** The records a number may name. */
    enum Kind {
        ORDER_RECEIPT,
        BATCH_RECEIPT,
        TRANSFER,
        MOVE,
        COUNT
    }

    private static final Pattern ORDER_RECEIPT = Pattern.compile("(PO-\\d{1,18})-R([1-9]\\d{0,8})");
    private static final Pattern BATCH_RECEIPT = Pattern.compile("GR-(\\d{1,18})");
    private static final Pattern TRANSFER = Pattern.compile("(TR-\\d{1,18})(?:-([0-9A-F]{8}))?");
    private static final Pattern MOVE = Pattern.compile("MOVE-[0-9A-F]{8}");
    private static final Pattern COUNT = Pattern.compile("CNT-(\\d{1,18})");

    /** What a scanned or typed number names; empty when it is no document number. */
    static Optional<DocumentNumber> parse(String scanned) {
        if (scanned == null) {
            return Optional.empty();
        }
        String text = scanned.strip().toUpperCase(Locale.ROOT);
        Matcher m = ORDER_RECEIPT.matcher(text);
        if (m.matches()) {
            return Optional.of(new DocumentNumber(Kind.ORDER_RECEIPT, m.group(1), Long.parseLong(m.group(2)), null));
        }
        m = BATCH_RECEIPT.matcher(text);
        if (m.matches()) {
            return Optional.of(new DocumentNumber(Kind.BATCH_RECEIPT, null, Long.parseLong(m.group(1)), null));
        }
        m = TRANSFER.matcher(text);
        if (m.matches()) {
            String store = m.group(2) == null ? null : m.group(2).toLowerCase(Locale.ROOT);
            return Optional.of(new DocumentNumber(Kind.TRANSFER, m.group(1), 0, store));
        }
        if (MOVE.matcher(text).matches()) {
            return Optional.of(new DocumentNumber(Kind.MOVE, text, 0, null));
        }
        m = COUNT.matcher(text);
        if (m.matches()) {
            return Optional.of(new DocumentNumber(Kind.COUNT, null, Long.parseLong(m.group(1)), null));
        }
        return Optional.empty();
    }

    /** The number of an order's receipt: the order's number and the receipt's place among its receipts (from 1). */
    static String orderReceipt(String orderNumber, long place) {
        return orderNumber + "-R" + place;
    }

    /** The number of a batch received by hand. */
    static String batchReceipt(long batch) {
        return String.format(Locale.ROOT, "GR-%06d", batch);
    }

    /** The number of a transfer's waybill: its number and the shipping store's key's last 8 hex digits. */
    static String transfer(String number, String fromStore) {
        return number + "-" + storeSuffix(fromStore).toUpperCase(Locale.ROOT);
    }

    /** The number of a count's sheet. */
    static String count(long id) {
        return String.format(Locale.ROOT, "CNT-%06d", id);
    }

    /** The hex digits that end a store's key ({@code shop_ab12cd34}: {@code ab12cd34}). */
    static String storeSuffix(String storeKey) {
        return storeKey.substring(storeKey.lastIndexOf('_') + 1);
    }
}

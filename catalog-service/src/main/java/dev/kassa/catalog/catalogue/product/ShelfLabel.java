package dev.kassa.catalog.catalogue.product;

import dev.kassa.catalog.CatalogErrors;
import dev.kassa.platform.error.FieldErrors;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * What a shelf label shows of a product: its name, SKU, unit, price (formatted as the shop writes sums: {@code 12 500,00})
 * and its barcode with the symbology a scanner reads it in: EAN-13 when the code is a valid one, Code 128 otherwise.
 */
public record ShelfLabel(
        long id,
        String name,
        String sku,
        String barcode,
        String barcodeFormat,
        String unit,
        BigDecimal salePrice,
        String formattedPrice) {

    public static final String EAN13 = "EAN13";
    public static final String CODE128 = "CODE128";

    /** The label of a product; a product without a price has none ({@code no_price}). */
    public static ShelfLabel of(ProductView p) {
        if (p.salePrice().signum() == 0) {
            throw CatalogErrors.NO_PRICE.exception();
        }
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
        symbols.setGroupingSeparator(' ');
        symbols.setDecimalSeparator(',');
        String formatted = new DecimalFormat("#,##0.00", symbols).format(p.salePrice());
        return new ShelfLabel(
                p.id(),
                p.name(),
                p.sku(),
                p.barcode(),
                Ean13.isValid(p.barcode()) ? EAN13 : CODE128,
                p.unitShort() == null ? "шт" : p.unitShort(),
                p.salePrice(),
                formatted);
    }

    /** How many copies a {@code quantity} parameter asks for: 1 when none, 1–1000, else a 400 on {@code quantity}. */
    static int copies(String quantity) {
        int copies;
        try {
            copies = quantity == null || quantity.isBlank() ? 1 : Integer.parseInt(quantity.trim());
        } catch (NumberFormatException e) {
            copies = 0;
        }
        if (copies < 1 || copies > 1000) {
            throw FieldErrors.single("quantity", "catalog.label_quantity_invalid");
        }
        return copies;
    }
}

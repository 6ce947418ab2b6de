package dev.kassa.catalog.catalogue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * New products' first stock, which the product form and the import may give: the inventory receives it in the same
 * transaction as the products (the catalogue declares it, the inventory provides it).
 */
public interface OpeningStock {

    /** A new product's first batch ({@code hazardous}: the product is hazardous goods, put only at such a location). */
    record Opening(
            long product,
            String batchNumber,
            BigDecimal quantity,
            BigDecimal cost,
            LocalDate expiry,
            boolean hazardous) {}

    /** Where the first stock came from: the product form or a file. */
    enum Source {
        FORM,
        IMPORT
    }

    /** Receives the new products' first batches. */
    void open(List<Opening> openings, Source source);
}

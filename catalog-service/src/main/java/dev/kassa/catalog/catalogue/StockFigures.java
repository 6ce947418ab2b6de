package dev.kassa.catalog.catalogue;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What the catalogue shows of stock, which the inventory keeps: pieces of SQL over the inventory's tables that the
 * catalogue's reads of products embed, so that a product's page, a list's page or the menu stays one statement, and the
 * figures read back. Each piece is about the statement's product {@code p} (or the alias given) and binds the store's
 * date as {@code :today}. The catalogue declares what it needs and the inventory provides it: the inventory uses the
 * catalogue, never the other way round.
 */
public interface StockFigures {

    /** What the product {@code alias} has to sell now: its sellable batches less what tills hold. */
    String available(String alias);

    /** How many units of {@code p} its tracked components make now; null when none of them is tracked. */
    String makeable();

    /** The select list's columns of {@code p}'s stock ({@link #levelJoins()} in the from clause), read by {@link #level}. */
    String levelColumns();

    /** The joins {@link #levelColumns()} read. */
    String levelJoins();

    /** The stock of the row's product, from {@link #levelColumns()}. */
    StockLevel level(ResultSet row) throws SQLException;

    /**
     * {@code p}'s batches as its page lists them, a JSON array of {@code id, batch_number, barcode, quantity,
     * purchase_price, expiry_date, received_at}, earliest expiry first.
     */
    String batchList();

    /** Whether the product {@code :id} was ever sold or refunded, or is held or sold from a till. */
    String traded();

    /** Whether the product {@code :id} has stock of its own: an active batch with something in it. */
    String stocked();
}

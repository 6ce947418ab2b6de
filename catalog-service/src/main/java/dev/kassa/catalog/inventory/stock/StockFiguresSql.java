package dev.kassa.catalog.inventory.stock;

import dev.kassa.catalog.catalogue.StockFigures;
import dev.kassa.catalog.catalogue.StockLevel;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;

/** The stock the catalogue shows, as the inventory's SQL over its batches and holds ({@link Expiry}, the levels). */
@Component
class StockFiguresSql implements StockFigures {

    private static final String BATCH_LIST =
            """
            (select coalesce(json_agg(json_build_object(
                        'id', b.id, 'batch_number', b.batch_number, 'barcode', b.barcode,
                        'quantity', b.quantity::text, 'purchase_price', b.purchase_price::text,
                        'expiry_date', b.expiry_date, 'received_at', b.received_at,
                        'location', b.location_id, 'location_code', l.code)
                    order by b.expiry_date, b.received_at, b.id), '[]')
               from batches b join locations l on l.id = b.location_id where b.product_id = p.id)""";

    private static final String TRADED =
            "(exists (select 1 from stock_movements where product_id = :id and reason in ('sale', 'refund'))"
                    + " or exists (select 1 from reservations where product_id = :id and status in ('active', 'completed')))";

    private static final String STOCKED =
            "exists (select 1 from batches where product_id = :id and is_active and quantity > 0)";

    @Override
    public String available(String alias) {
        return Expiry.available(alias);
    }

    @Override
    public String makeable() {
        return Expiry.MAKEABLE;
    }

    @Override
    public String levelColumns() {
        return StockLevelRepository.LEVEL_COLUMNS;
    }

    @Override
    public String levelJoins() {
        return StockLevelRepository.LEVEL_JOINS;
    }

    @Override
    public StockLevel level(ResultSet row) throws SQLException {
        return StockLevelRepository.level(row, true);
    }

    @Override
    public String batchList() {
        return BATCH_LIST;
    }

    @Override
    public String traded() {
        return TRADED;
    }

    @Override
    public String stocked() {
        return STOCKED;
    }
}

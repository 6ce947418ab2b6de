package dev.kassa.catalog.product;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * The products' change feed ({@code product_changes}, kept by a trigger on {@code products} and
 * {@code product_barcodes}): the last change of each product, in the order changes become visible.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class ProductChanges {

    /** Where a reader is: after the change of transaction {@code xid}, number {@code seq}. */
    record Cursor(String xid, long seq) {
        static final Cursor START = new Cursor("0", 0);
    }

    /** A product's last change: deleted, or to be read as it is now. */
    record Change(long productId, Cursor at, boolean deleted) {}

    private final JdbcClient sql;

    ProductChanges(JdbcClient sql) {
        this.sql = sql;
    }

    /**
     * The changes after {@code after}, oldest first, at most {@code limit}: only those of transactions older than every
     * transaction still running, so no change that commits later can fall behind a cursor already handed out.
     */
    List<Change> after(Cursor after, int limit) {
        return sql.sql(
                        """
                        select product_id, xid::text, seq, deleted from product_changes
                         where (xid, seq) > (cast(:xid as xid8), :seq)
                           and xid < pg_snapshot_xmin(pg_current_snapshot())
                         order by xid, seq
                         limit :limit
                        """)
                .param("xid", after.xid())
                .param("seq", after.seq())
                .param("limit", limit)
                .query((rs, i) ->
                        new Change(rs.getLong(1), new Cursor(rs.getString(2), rs.getLong(3)), rs.getBoolean(4)))
                .list();
    }
}

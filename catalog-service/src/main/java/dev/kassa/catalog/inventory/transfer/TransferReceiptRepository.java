package dev.kassa.catalog.inventory.transfer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;

/** Every statement on {@code transfer_receipts}: the receipts made at a transfer's destination, one per request key. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class TransferReceiptRepository {

    private final JdbcClient sql;

    TransferReceiptRepository(JdbcClient sql) {
        this.sql = sql;
    }

    /** The receipt made under {@code requestKey}, if any (a retried receipt). */
    Optional<Long> receiptOf(String requestKey) {
        return sql.sql("select id from transfer_receipts where request_key = :key")
                .param("key", requestKey)
                .query(Long.class)
                .optional();
    }

    long receipt(long transferId, String requestKey, Long by, String notes) {
        return sql.sql(
                        """
                        insert into transfer_receipts (transfer_id, request_key, received_by, notes)
                        values (:transfer, :key, :by, :notes) returning id
                        """)
                .param("transfer", transferId)
                .param("key", requestKey)
                .param("by", by)
                .param("notes", notes)
                .query(Long.class)
                .single();
    }
}

package dev.kassa.catalog.inventory.transfer;

import dev.kassa.platform.events.KassaEvent;
import dev.kassa.platform.events.Topics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The destination took in goods of a transfer (one receipt; the event's store is the destination): each line's quantity
 * received and, when the receipt closed the transfer, what never came, lost at the source's cost. The source (catalog's
 * transfer consumer) records it on its own copy of the transfer.
 */
@KassaEvent(topic = Topics.CATALOG)
public record TransferReceived(
        long transferId,
        long sourceTransferId,
        String number,
        String fromStore,
        String toStore,
        long receiptId,
        String transferStatus,
        Long receivedBy,
        Instant receivedAt,
        BigDecimal receivedCost,
        BigDecimal lostValue,
        List<Line> lines) {

    public record Line(
            long lineId,
            long sourceLineId,
            Long productId,
            BigDecimal quantity,
            BigDecimal lostQuantity,
            BigDecimal lostValue,
            List<Long> batchIds) {}
}
